#include "ui/LogViewer.h"

#include "core/logging/LogFile.h"
#include "ui/UiHelpers.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace pixverse {

LogViewer::LogViewer(const QString& logFile, QWidget* parent)
    : QDialog(parent)
    , m_logFile(logFile.isEmpty() ? LogFile::filePath() : logFile)
    , m_openUrl([](const QUrl& url) { return QDesktopServices::openUrl(url); }) {
    setObjectName(QStringLiteral("logViewer"));
    setWindowTitle(tr("Logs"));
    auto* layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("logStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_view = new QPlainTextEdit(this);
    m_view->setObjectName(QStringLiteral("logText"));
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setAccessibleName(tr("Log"));
    layout->addWidget(m_view, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_reload = buttons->addButton(tr("&Reload"), QDialogButtonBox::ActionRole);
    m_reload->setObjectName(QStringLiteral("reloadLogButton"));
    m_openFolder = buttons->addButton(tr("Open log &folder"), QDialogButtonBox::ActionRole);
    m_openFolder->setObjectName(QStringLiteral("openLogFolderButton"));
    m_reload->setIcon(ui::actionIcon(QStringLiteral("reload"), palette()));
    m_openFolder->setIcon(ui::actionIcon(QStringLiteral("folder-open"), palette()));
    connect(m_reload, &QPushButton::clicked, this, &LogViewer::reload);
    connect(m_openFolder, &QPushButton::clicked, this, &LogViewer::openFolder);
    connect(buttons, &QDialogButtonBox::rejected, this, &LogViewer::reject);
    layout->addWidget(buttons);
    resize(860, 520);
    reload();
}

LogViewer::~LogViewer() = default;

void LogViewer::setUrlOpener(UrlOpener opener) {
    m_openUrl = std::move(opener);
}

QString LogViewer::text() const {
    return m_view->toPlainText();
}

QString LogViewer::readTail(const QString& file, qint64 maxBytes) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const qint64 size = f.size();
    const bool cut = size > maxBytes;
    if (cut)
        f.seek(size - maxBytes);
    QByteArray bytes = f.read(maxBytes);
    if (cut) {
        // Start at a whole line (and so never in the middle of a UTF-8 sequence).
        const qsizetype newline = bytes.indexOf('\n');
        bytes.remove(0, newline < 0 ? 0 : newline + 1);
    }
    return QString::fromUtf8(bytes);
}

void LogViewer::reload() {
    const int generation = ++m_generation;
    m_reload->setEnabled(false);
    m_status->setText(m_logFile.isEmpty()
                          ? tr("The app is not writing a log.")
                          : tr("Reading %1…").arg(QDir::toNativeSeparators(m_logFile)));
    m_openFolder->setEnabled(!m_logFile.isEmpty());
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const QString text = watcher->result();
        m_view->setPlainText(text);
        m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum());
        if (!m_logFile.isEmpty()) {
            m_status->setText(
                text.isEmpty() ? tr("The log %1 is empty.").arg(QDir::toNativeSeparators(m_logFile))
                               : tr("The end of %1").arg(QDir::toNativeSeparators(m_logFile)));
        }
        m_reload->setEnabled(true);
        Q_EMIT loaded();
    });
    watcher->setFuture(QtConcurrent::run(&LogViewer::readTail, m_logFile, kTailBytes));
}

bool LogViewer::openFolder() {
    if (m_logFile.isEmpty())
        return false;
    return m_openUrl(QUrl::fromLocalFile(QFileInfo(m_logFile).absolutePath()));
}

} // namespace pixverse
