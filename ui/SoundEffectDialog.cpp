#include "ui/SoundEffectDialog.h"

#include "core/generation/ModelCatalog.h"
#include "ui/ContinuationPrice.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pixverse {

SoundEffectDialog::SoundEffectDialog(const GenerationRequest& base, const ModelCatalog* catalog,
                                     std::optional<qint64> balance, QWidget* parent)
    : QDialog(parent)
    , m_base(base)
    , m_catalog(catalog ? catalog : &ModelCatalog::builtIn())
    , m_balance(balance) {
    setObjectName(QStringLiteral("soundEffectDialog"));
    setWindowTitle(tr("Add a Sound Effect"));
    auto* intro = new QLabel(
        tr("PixVerse adds sound or music that fits the video. Describe what to hear, or leave it "
           "empty to let PixVerse choose from the picture."),
        this);
    intro->setWordWrap(true);
    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("soundDescriptionEdit"));
    m_description->setPlaceholderText(tr("e.g. rain on a tin roof, distant thunder"));
    m_description->setText(base.prompt);
    m_keepOriginal = new QCheckBox(tr("&Keep the video's own sound"), this);
    m_keepOriginal->setObjectName(QStringLiteral("keepOriginalSoundCheck"));
    m_keepOriginal->setChecked(base.keepOriginalSound);
    m_cost = new QLabel(this);
    m_cost->setObjectName(QStringLiteral("soundCostLabel"));
    m_cost->setWordWrap(true);
    QFont bold = m_cost->font();
    bold.setBold(true);
    m_cost->setFont(bold);
    m_balanceLabel = new QLabel(this);
    m_balanceLabel->setObjectName(QStringLiteral("soundBalanceLabel"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("Add Sound"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("addSoundButton"));
    m_ok->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout;
    form->addRow(tr("&Description:"), m_description);
    form->addRow(QString(), m_keepOriginal);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_cost);
    layout->addWidget(m_balanceLabel);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    updatePrice();
}

GenerationRequest SoundEffectDialog::request() const {
    GenerationRequest request = m_base;
    request.mode = GenerationMode::SoundEffect;
    request.prompt = m_description->text().simplified();
    request.keepOriginalSound = m_keepOriginal->isChecked();
    return request;
}

void SoundEffectDialog::updatePrice() {
    // The price depends on the video's length only (10 credits per started 5 s, §2.9).
    const ContinuationPrice price = ContinuationPrice::of(*m_catalog, request(), m_balance);
    m_cost->setText(price.costText);
    m_balanceLabel->setText(price.balanceText);
    m_balanceLabel->setVisible(!price.balanceText.isEmpty());
    m_ok->setEnabled(price.enough);
}

} // namespace pixverse
