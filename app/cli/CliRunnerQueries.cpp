#include "app/cli/CliRunner.h"
#include "app/cli/ContinueOptions.h"
#include "core/backend/Backend.h"
#include "core/jobs/VideoLookup.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// CliRunner's commands that only ask: status, balance, speakers.
namespace pixverse {

namespace {

QString stateName(VideoState state) {
    switch (state) {
    case VideoState::Pending:
        return QStringLiteral("generating");
    case VideoState::Succeeded:
        return QStringLiteral("succeeded");
    case VideoState::Moderated:
        return QStringLiteral("moderated");
    case VideoState::Failed:
        return QStringLiteral("failed");
    case VideoState::Deleted:
        return QStringLiteral("deleted");
    case VideoState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QByteArray compactJson(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

// --- status, balance and speakers ----------------------------------------------------------------

void CliRunner::runStatus() {
    const qint64 videoId = m_options.videoId;
    VideoLookup::find(
        *m_backend, videoId, this, [this, videoId](Result<std::optional<VideoStatus>> result) {
            if (!result.ok()) {
                fail(result.error);
                return;
            }
            if (!*result.value) {
                fail(tr("PixVerse does not list video %1 on this account (every page of its "
                        "videos was read): check the id and the account it was made with.")
                         .arg(videoId),
                     ExitRefused);
                return;
            }
            printStatus(**result.value);
            succeed();
        });
}

void CliRunner::printStatus(const VideoStatus& s) {
    if (m_options.json) {
        QJsonObject json{{QStringLiteral("video_id"), s.videoId},
                         {QStringLiteral("status"), s.rawStatus},
                         {QStringLiteral("state"), stateName(s.state)},
                         {QStringLiteral("url"), s.url},
                         {QStringLiteral("width"), s.width},
                         {QStringLiteral("height"), s.height}};
        if (s.seed)
            json.insert(u"seed", *s.seed);
        if (s.hasAudio)
            json.insert(u"has_audio", *s.hasAudio);
        m_out << compactJson(json) << Qt::endl;
        return;
    }
    if (s.width > 0)
        m_out << tr("Video %1: %2 (%3×%4)")
                     .arg(s.videoId)
                     .arg(stateName(s.state))
                     .arg(s.width)
                     .arg(s.height)
              << Qt::endl;
    else
        m_out << tr("Video %1: %2").arg(s.videoId).arg(stateName(s.state)) << Qt::endl;
    if (!s.url.isEmpty())
        m_out << tr("URL: %1").arg(s.url) << Qt::endl;
}

void CliRunner::runBalance() {
    m_backend->fetchBalance(this, [this](Result<Balance> result) {
        if (!result.ok()) {
            fail(result.error);
            return;
        }
        const Balance& b = *result.value;
        if (m_options.json) {
            const QJsonObject json{{QStringLiteral("account_id"), b.accountId},
                                   {QStringLiteral("credit_monthly"), b.monthly},
                                   {QStringLiteral("credit_package"), b.package},
                                   {QStringLiteral("total"), b.total()}};
            m_out << compactJson(json) << Qt::endl;
        } else {
            m_out << tr("Credits: %1 (monthly %2, package %3)")
                         .arg(b.total())
                         .arg(b.monthly)
                         .arg(b.package)
                  << Qt::endl;
        }
        succeed();
    });
}

void CliRunner::runSpeakers() {
    // The website documents no lip sync (§3.13): said before any request, as for lipsync.
    if (!m_backend->offersMode(GenerationMode::LipSync)) {
        fail(modeNotOffered(GenerationMode::LipSync), ExitUsage);
        return;
    }
    m_backend->fetchSpeakers(this, [this](Result<QList<Speaker>> result) {
        if (!result.ok()) {
            fail(result.error);
            return;
        }
        if (m_options.json) {
            QJsonArray speakers;
            for (const Speaker& speaker : *result.value)
                speakers.append(QJsonObject{{QStringLiteral("id"), speaker.id},
                                            {QStringLiteral("name"), speaker.name}});
            m_out << QJsonDocument(speakers).toJson(QJsonDocument::Compact) << Qt::endl;
        } else {
            // The id first: it is what --speaker takes.
            for (const Speaker& speaker : *result.value)
                m_out << speaker.id.leftJustified(8) << speaker.name << Qt::endl;
        }
        succeed();
    });
}

} // namespace pixverse
