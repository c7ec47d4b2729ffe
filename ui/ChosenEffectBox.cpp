#include "ui/ChosenEffectBox.h"

#include "ui/EffectCardDelegate.h"
#include "ui/UiHelpers.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QImage>
#include <QImageReader>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace pixverse {

namespace {

constexpr int kStillBox = 72; //!< the still's longer side, device-independent px

} // namespace

ChosenEffectBox::ChosenEffectBox(QWidget* parent)
    : QFrame(parent) {
    setObjectName(QStringLiteral("chosenEffectBox"));
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    m_still = new QLabel(this);
    m_still->setObjectName(QStringLiteral("effectStill"));
    m_still->setFixedSize(kStillBox, kStillBox);
    m_still->setAlignment(Qt::AlignCenter);
    m_still->hide();
    layout->addWidget(m_still);
    auto* texts = new QVBoxLayout;
    m_name = new QLabel(this);
    m_name->setObjectName(QStringLiteral("effectName"));
    m_name->setWordWrap(true);
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_needs = ui::hintLabel(QString(), this);
    m_needs->setObjectName(QStringLiteral("effectNeeds"));
    texts->addWidget(m_name);
    texts->addWidget(m_needs);
    texts->addStretch(1);
    layout->addLayout(texts, 1);
    m_change = new QPushButton(this);
    m_change->setObjectName(QStringLiteral("changeEffectButton"));
    m_change->setAutoDefault(false);
    connect(m_change, &QPushButton::clicked, this, &ChosenEffectBox::changeRequested);
    layout->addWidget(m_change, 0, Qt::AlignTop);
    showEffect(0, QString(), 0, {}, false);
}

ChosenEffectBox::~ChosenEffectBox() = default;

void ChosenEffectBox::showEffect(qint64 templateId, const QString& name, int imageCount,
                                 const QStringList& qualities, bool needsActivation) {
    if (templateId != m_templateId)
        setStillFile(QString());
    m_templateId = templateId;
    if (!templateId) {
        m_name->setText(tr("No effect chosen"));
        m_needs->setText(tr("Choose one of the effects: it says what the video does."));
        m_change->setText(tr("&Choose…"));
        m_change->setToolTip(tr("Show the effects (Ctrl+3)"));
        return;
    }
    m_name->setText(name.isEmpty() ? tr("Effect %1").arg(templateId) : name);
    QStringList needs;
    // The same words as the effect's card in the browser.
    needs << EffectCardDelegate::needsText(imageCount)
          << EffectCardDelegate::qualitiesText(qualities);
    if (needsActivation)
        needs << tr("must be activated on the PixVerse platform first");
    m_needs->setText(needs.join(QStringLiteral(" · ")));
    m_change->setText(tr("&Change…"));
    m_change->setToolTip(tr("Choose another effect (Ctrl+3)"));
}

QString ChosenEffectBox::needsText() const {
    return m_needs->text();
}

void ChosenEffectBox::setStillFile(const QString& file) {
    const quint64 ticket = ++m_stillTicket;
    if (file.isEmpty()) {
        m_still->clear();
        m_still->hide();
        return;
    }
    // Decoded on the thread pool: the GUI thread never waits for the disk.
    const qreal ratio = devicePixelRatioF();
    const QSize box = QSize(kStillBox, kStillBox) * ratio;
    auto* watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, ticket, ratio] {
        watcher->deleteLater();
        if (ticket != m_stillTicket)
            return;
        QImage image = watcher->result();
        if (image.isNull()) {
            m_still->hide();
            return;
        }
        image.setDevicePixelRatio(ratio);
        m_still->setPixmap(QPixmap::fromImage(image));
        m_still->show();
    });
    watcher->setFuture(QtConcurrent::run([file, box] {
        QImageReader reader(file);
        reader.setAutoTransform(true);
        const QImage image = reader.read();
        return image.isNull() ? image
                              : image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }));
}

} // namespace pixverse
