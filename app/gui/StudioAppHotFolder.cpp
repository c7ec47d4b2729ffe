// The window's hot folder (issue 19): started at sign-in and whenever Settings change, with the
// composer's settings as every file's defaults; what it does becomes status-bar notices, and
// desktop ones when a file is refused or the daily cap holds files back.
#include "app/gui/StudioApp.h"
#include "core/auth/Session.h"
#include "core/jobs/JobEngine.h"
#include "core/queue/BatchFile.h"
#include "core/queue/HotFolder.h"
#include "core/settings/AppSettings.h"
#include "ui/DesktopNotifier.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"

#include <QDir>
#include <QLocale>

namespace pixverse {

void StudioApp::updateHotFolder() {
    const bool wanted =
        m_engine && m_settings->hotFolderEnabled() && !m_settings->hotFolder().trimmed().isEmpty();
    if (!wanted) {
        m_hotFolder.reset();
        return;
    }
    if (!m_hotFolder) {
        m_hotFolder = std::make_unique<HotFolder>(m_engine.get(), m_catalog.get(),
                                                  m_session->family(), m_prices.get());
        connectHotFolder();
    }
    HotFolderOptions options;
    options.folder = m_settings->hotFolder();
    // The composer's settings and prompt; never its images nor its mode (a prompt list's lines
    // would all animate the composer's picture; an image is an image-to-video).
    QJsonObject defaults = generationKeys(m_window->promptEditor()->request());
    for (const QLatin1String key : {QLatin1String("image"), QLatin1String("first_frame"),
                                    QLatin1String("last_frame"), QLatin1String("mode")})
        defaults.remove(key);
    options.defaults = defaults;
    options.dailyCredits = m_settings->hotFolderDailyCredits();
    if (!m_hotFolder->start(options)) {
        m_window->showNotice(
            tr("The hot folder is not watched: %1").arg(m_hotFolder->errorString()));
        m_hotFolder.reset();
        return;
    }
    m_window->showNotice(tr("Watching the hot folder “%1”.")
                             .arg(QDir::toNativeSeparators(m_hotFolder->options().folder)));
}

void StudioApp::connectHotFolder() {
    HotFolder* folder = m_hotFolder.get();
    connect(folder, &HotFolder::fileQueued, this,
            [this](const QString& file, int jobs, qint64 credits) {
                m_window->showNotice(
                    credits < 0
                        ? tr("Hot folder: “%1” queued as %n job(s).", nullptr, jobs).arg(file)
                        : tr("Hot folder: “%1” queued as %n job(s) for %2 credits.", nullptr, jobs)
                              .arg(file, QLocale().toString(credits)));
            });
    connect(folder, &HotFolder::fileAlreadyTaken, this, [this](const QString& file) {
        m_window->showNotice(
            tr("Hot folder: “%1” was queued before; nothing was sent again.").arg(file));
    });
    connect(folder, &HotFolder::entriesRefused, this,
            [this](const QString& file, const QStringList& reasons) {
                m_window->showNotice(tr("Hot folder: %n line(s) of “%1” not queued: %2", nullptr,
                                        int(reasons.size()))
                                         .arg(file, reasons.constFirst()));
            });
    connect(folder, &HotFolder::fileRefused, this,
            [this](const QString& file, const QString& reason) {
                const QString text = tr("Hot folder: “%1” was refused: %2").arg(file, reason);
                m_window->showNotice(text);
                m_window->notifier()->notify(tr("A hot folder file was refused"), text);
            });
    connect(folder, &HotFolder::capReached, this, [this](const QString& message) {
        m_window->showNotice(message);
        m_window->notifier()->notify(tr("Hot folder paused for today"), message);
    });
}

} // namespace pixverse
