#include "ui/SettingsQueuePage.h"

#include "core/settings/AppSettings.h"
#include "ui/UiHelpers.h"

#include <QCheckBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace pixverse {

namespace {

constexpr int kMaxCap = 10'000'000; // credits; far above any plan

QTimeEdit* timeEdit(QWidget* parent, const char* name) {
    auto* edit = new QTimeEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setDisplayFormat(QStringLiteral("HH:mm"));
    return edit;
}

QHBoxLayout* row(std::initializer_list<QWidget*> widgets) {
    auto* layout = new QHBoxLayout;
    for (QWidget* widget : widgets)
        layout->addWidget(widget);
    layout->addStretch(1);
    return layout;
}

} // namespace

SettingsQueuePage::SettingsQueuePage(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("queuePage"));
    auto* layout = new QVBoxLayout(this);

    auto* when = new QGroupBox(tr("When"), this);
    auto* whenLayout = new QVBoxLayout(when);
    m_windowOn = new QCheckBox(tr("&Run only between"), when);
    m_windowOn->setObjectName(QStringLiteral("runWindowCheck"));
    m_windowOn->setToolTip(tr("Outside these hours no new job is sent; jobs already sent go on. "
                              "An end before the start spans midnight."));
    m_from = timeEdit(when, "runFromEdit");
    m_until = timeEdit(when, "runUntilEdit");
    auto* andLabel = new QLabel(tr("and"), when);
    whenLayout->addLayout(row({m_windowOn, m_from, andLabel, m_until}));

    auto* spending = new QGroupBox(tr("Spending"), this);
    auto* spendingLayout = new QFormLayout(spending);
    m_dailyOn = new QCheckBox(tr("Stop the queue after spending, per &day:"), spending);
    m_dailyOn->setObjectName(QStringLiteral("dailyCapCheck"));
    m_daily = capSpin("dailyCapSpin");
    spendingLayout->addRow(m_dailyOn, m_daily);
    m_sessionOn = new QCheckBox(tr("… per &session (since the app started):"), spending);
    m_sessionOn->setObjectName(QStringLiteral("sessionCapCheck"));
    m_session = capSpin("sessionCapSpin");
    spendingLayout->addRow(m_sessionOn, m_session);
    spendingLayout->addRow(ui::hintLabel(
        tr("Before a job would go over a cap the queue pauses and says so; Resume sends it "
           "anyway. Refunds count back."),
        spending));

    auto* hot = new QGroupBox(tr("Hot folder"), this);
    auto* hotLayout = new QFormLayout(hot);
    hotLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_hotFolder = new QLineEdit(hot);
    m_hotFolder->setObjectName(QStringLiteral("hotFolderEdit"));
    m_hotFolder->setMinimumWidth(m_hotFolder->fontMetrics().averageCharWidth() * 30);
    m_hotBrowse = new QPushButton(tr("B&rowse…"), hot);
    m_hotBrowse->setObjectName(QStringLiteral("hotFolderBrowseButton"));
    m_hotBrowse->setAutoDefault(false);
    m_hotBrowse->setIcon(ui::actionIcon(QStringLiteral("folder-open"), palette()));
    connect(m_hotBrowse, &QPushButton::clicked, this, &SettingsQueuePage::browse);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_hotFolder, 1);
    folderRow->addWidget(m_hotBrowse);
    auto* folderLabel = new QLabel(tr("&Folder:"), hot);
    folderLabel->setBuddy(m_hotFolder);
    hotLayout->addRow(folderLabel, folderRow);
    m_hotOn = new QCheckBox(tr("&Watch this folder"), hot);
    m_hotOn->setObjectName(QStringLiteral("hotFolderCheck"));
    m_hotOn->setToolTip(tr("Each image, prompt list (.txt) or JSON Lines file put there becomes "
                           "jobs with the default settings; done files move to “done”."));
    hotLayout->addRow(m_hotOn);
    m_hotCapOn = new QCheckBox(tr("Its jobs spend at most, per d&ay:"), hot);
    m_hotCapOn->setObjectName(QStringLiteral("hotFolderCapCheck"));
    m_hotCap = capSpin("hotFolderCapSpin");
    hotLayout->addRow(m_hotCapOn, m_hotCap);

    layout->addWidget(when);
    layout->addWidget(spending);
    layout->addWidget(hot);
    layout->addStretch(1);

    for (QCheckBox* box : {m_windowOn, m_dailyOn, m_sessionOn, m_hotOn, m_hotCapOn})
        connect(box, &QCheckBox::toggled, this, &SettingsQueuePage::updateEnabled);
    updateEnabled();
}

QSpinBox* SettingsQueuePage::capSpin(const char* name) {
    auto* spin = new QSpinBox(this);
    spin->setObjectName(QLatin1String(name));
    spin->setRange(1, kMaxCap);
    spin->setGroupSeparatorShown(true);
    spin->setSuffix(tr(" credits"));
    return spin;
}

void SettingsQueuePage::load(const AppSettings& settings) {
    const std::optional<RunWindow> window = settings.queueRunWindow();
    m_windowOn->setChecked(window.has_value());
    m_from->setTime(window ? window->from : QTime(22, 0));
    m_until->setTime(window ? window->until : QTime(6, 0));
    const CreditCaps caps = settings.creditCaps();
    m_dailyOn->setChecked(caps.daily.has_value());
    m_daily->setValue(static_cast<int>(std::min<qint64>(caps.daily.value_or(1000), kMaxCap)));
    m_sessionOn->setChecked(caps.perSession.has_value());
    m_session->setValue(static_cast<int>(std::min<qint64>(caps.perSession.value_or(500), kMaxCap)));
    m_hotFolder->setText(QDir::toNativeSeparators(settings.hotFolder()));
    m_hotOn->setChecked(settings.hotFolderEnabled());
    const std::optional<qint64> hotCap = settings.hotFolderDailyCredits();
    m_hotCapOn->setChecked(hotCap.has_value());
    m_hotCap->setValue(static_cast<int>(std::min<qint64>(hotCap.value_or(500), kMaxCap)));
    updateEnabled();
}

QString SettingsQueuePage::check(QWidget** field) const {
    if (m_windowOn->isChecked() && m_from->time() == m_until->time()) {
        *field = m_until;
        return tr("The run window starts and ends at the same time: choose two different times, "
                  "or turn it off to run at any time.");
    }
    const QString folder = QDir::fromNativeSeparators(m_hotFolder->text().trimmed());
    if (m_hotOn->isChecked() && folder.isEmpty()) {
        *field = m_hotFolder;
        return tr("Choose the hot folder to watch.");
    }
    if (!folder.isEmpty() && QDir::isRelativePath(QDir::cleanPath(folder))) {
        *field = m_hotFolder;
        return tr("The hot folder must be a full path, such as %1.")
            .arg(QDir::toNativeSeparators(QDir::home().filePath(QStringLiteral("PixVerse Inbox"))));
    }
    return {};
}

void SettingsQueuePage::save(AppSettings& settings) const {
    settings.setQueueRunWindow(m_windowOn->isChecked() ? std::optional<RunWindow>(RunWindow{
                                                             m_from->time(), m_until->time()})
                                                       : std::nullopt);
    CreditCaps caps;
    if (m_dailyOn->isChecked())
        caps.daily = m_daily->value();
    if (m_sessionOn->isChecked())
        caps.perSession = m_session->value();
    settings.setCreditCaps(caps);
    settings.setHotFolder(QDir::fromNativeSeparators(m_hotFolder->text().trimmed()));
    settings.setHotFolderEnabled(m_hotOn->isChecked());
    settings.setHotFolderDailyCredits(
        m_hotCapOn->isChecked() ? std::optional<qint64>(m_hotCap->value()) : std::nullopt);
}

void SettingsQueuePage::browse() {
    if (!m_chooseFolder)
        return;
    const QString chosen =
        m_chooseFolder(this, QDir::fromNativeSeparators(m_hotFolder->text().trimmed()));
    if (!chosen.isEmpty())
        m_hotFolder->setText(QDir::toNativeSeparators(chosen));
    m_hotFolder->setFocus();
}

void SettingsQueuePage::updateEnabled() {
    m_from->setEnabled(m_windowOn->isChecked());
    m_until->setEnabled(m_windowOn->isChecked());
    m_daily->setEnabled(m_dailyOn->isChecked());
    m_session->setEnabled(m_sessionOn->isChecked());
    m_hotCap->setEnabled(m_hotCapOn->isChecked());
}

} // namespace pixverse
