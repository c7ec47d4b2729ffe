// The sandbox's control route (`POST /sandbox/control`): tests and benchmarks set its clock,
// faults, credits, web sessions and account videos, and delete videos, over HTTP.

#include "core/sandbox/SandboxState.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <functional>
#include <memory>

namespace pixverse::sandbox {

namespace {

//! A fault of the control route's "fault" object, or why it is refused.
std::variant<SandboxFault, QString> faultFromJson(const QJsonObject& f) {
    static const QHash<QString, SandboxFault::Kind> kinds{
        {QStringLiteral("http"), SandboxFault::Kind::HttpStatus},
        {QStringLiteral("service"), SandboxFault::Kind::ServiceError},
        {QStringLiteral("malformed"), SandboxFault::Kind::MalformedJson},
        {QStringLiteral("stall"), SandboxFault::Kind::Stall},
        {QStringLiteral("drop"), SandboxFault::Kind::DropConnection},
        {QStringLiteral("truncate"), SandboxFault::Kind::TruncateBody},
        {QStringLiteral("truncate-json"), SandboxFault::Kind::TruncateJson},
        {QStringLiteral("patch"), SandboxFault::Kind::PatchResp},
    };
    const QString kind = f.value(QLatin1String("kind")).toString();
    if (!kinds.contains(kind))
        return QStringLiteral("fault.kind must be http, service, malformed, stall, drop, "
                              "truncate, truncate-json or patch.");
    SandboxFault fault;
    fault.kind = kinds.value(kind);
    fault.pathContains = f.value(QLatin1String("path")).toString();
    fault.count = f.value(QLatin1String("count")).toInt(fault.count);
    fault.httpStatus = f.value(QLatin1String("status")).toInt(fault.httpStatus);
    fault.errCode = f.value(QLatin1String("errCode")).toInteger(fault.errCode);
    fault.delayMs = f.value(QLatin1String("delayMs")).toInt(fault.delayMs);
    fault.retryAfterSeconds = f.value(QLatin1String("retryAfter")).toInt(fault.retryAfterSeconds);
    fault.respPatch = f.value(QLatin1String("resp")).toObject();
    if (fault.kind == SandboxFault::Kind::ServiceError && fault.errCode == 0)
        return QStringLiteral("A service fault needs a non-zero errCode.");
    return fault;
}

} // namespace

std::variant<SandboxAccountVideos, QString>
SandboxState::accountVideosFromJson(const QJsonObject& a) const {
    SandboxAccountVideos videos;
    videos.email = webAccountEmail(a.value(QLatin1String("email")).toString());
    if (videos.email.isEmpty())
        return QStringLiteral("addVideos.email must be a configured web account.");
    auto text = [&a](const char* name, QString& into) {
        const QJsonValue v = a.value(QLatin1String(name));
        if (v.isUndefined())
            return true;
        into = v.toString();
        return v.isString();
    };
    if (!text("prompt", videos.prompt) || !text("negativePrompt", videos.negativePrompt) ||
        !text("model", videos.model) || !text("quality", videos.quality) ||
        !text("aspectRatio", videos.aspectRatio) || !text("motionMode", videos.motionMode))
        return QStringLiteral("addVideos.prompt, negativePrompt, model, quality, aspectRatio and "
                              "motionMode must be text.");
    auto whole = [&a](const char* name, qint64 fallback) -> std::optional<qint64> {
        const QJsonValue v = a.value(QLatin1String(name));
        return v.isUndefined() ? std::optional<qint64>(fallback) : exactInteger(v);
    };
    const auto count = whole("count", videos.count);
    const auto duration = whole("duration", videos.duration);
    const auto status = whole("status", videos.status);
    const auto seed = whole("seed", videos.seed);
    const auto age = whole("ageMs", videos.ageMs);
    if (!count || *count < 1 || *count > 10000)
        return QStringLiteral("addVideos.count must be from 1 to 10000.");
    if (!duration || *duration < 1 || *duration > 60)
        return QStringLiteral("addVideos.duration must be from 1 to 60 seconds.");
    if (!status || !QList<qint64>{1, 5, 7, 8, 10}.contains(*status))
        return QStringLiteral("addVideos.status must be 1, 5, 7, 8 or 10.");
    if (!seed || *seed < -1 || !age || *age < 0)
        return QStringLiteral("addVideos.seed and addVideos.ageMs must be whole numbers, 0 or "
                              "more.");
    if (!accountVideoSize(videos).isValid())
        return QStringLiteral("addVideos.quality and aspectRatio must make a known clip size.");
    const QJsonValue audio = a.value(QLatin1String("audio"));
    if (!audio.isUndefined() && !audio.isBool())
        return QStringLiteral("addVideos.audio must be true or false.");
    videos.audio = audio.toBool();
    if (videos.audio && !m_rules.makesAudio(videos.model, ApiFamily::Web))
        return QStringLiteral("addVideos.audio needs a model with sound.");
    videos.count = static_cast<int>(*count);
    videos.duration = static_cast<int>(*duration);
    videos.status = static_cast<int>(*status);
    videos.seed = *seed;
    videos.ageMs = *age;
    return videos;
}

HttpAnswer SandboxState::control(const HttpRequest& request) {
    auto refuse = [](const QString& why) {
        return jsonAnswer(
            QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), why}}, 400);
    };
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return refuse(QStringLiteral("The body must be a JSON object."));
    const QJsonObject o = doc.object();
    // Check everything first, so a bad request changes nothing.
    QList<std::function<void()>> actions;
    if (o.contains(QLatin1String("clockSpeed"))) {
        const double speed = o.value(QLatin1String("clockSpeed")).toDouble(-1);
        if (!(speed > 0))
            return refuse(QStringLiteral("clockSpeed must be a number above 0."));
        actions << [this, speed] { setClockSpeed(speed); };
    }
    if (o.contains(QLatin1String("advanceMs"))) {
        const auto ms = exactInteger(o.value(QLatin1String("advanceMs")));
        if (!ms || *ms < 0)
            return refuse(
                QStringLiteral("advanceMs must be a whole number of milliseconds, 0 or more."));
        actions << [this, ms] { advanceClock(*ms); };
    }
    if (o.contains(QLatin1String("fault"))) {
        const auto fault = faultFromJson(o.value(QLatin1String("fault")).toObject());
        if (const auto* why = std::get_if<QString>(&fault))
            return refuse(*why);
        actions << [this, fault = std::get<SandboxFault>(fault)] { injectFault(fault); };
    }
    if (o.value(QLatin1String("clearFaults")).toBool())
        actions << [this] { m_faults.clear(); };
    if (o.contains(QLatin1String("credits"))) {
        const QJsonObject c = o.value(QLatin1String("credits")).toObject();
        const QString key = c.value(QLatin1String("key")).toString();
        const auto monthly = exactInteger(c.value(QLatin1String("monthly")));
        const auto package = exactInteger(c.value(QLatin1String("package")));
        if (key.isEmpty() || !monthly || !package)
            return refuse(QStringLiteral("credits needs key, monthly and package."));
        std::optional<qint64> daily = 0;
        if (c.contains(QLatin1String("daily")))
            daily = exactInteger(c.value(QLatin1String("daily")));
        if (!daily)
            return refuse(QStringLiteral("credits.daily must be a whole number."));
        actions <<
            [this, key, daily, monthly, package] { setCredits(key, *daily, *monthly, *package); };
    }
    if (o.contains(QLatin1String("endSession"))) {
        const QJsonObject e = o.value(QLatin1String("endSession")).toObject();
        const QString email = webAccountEmail(e.value(QLatin1String("email")).toString());
        const QJsonValue elsewhere = e.value(QLatin1String("elsewhere"));
        if (email.isEmpty())
            return refuse(QStringLiteral("endSession.email must be a configured web account."));
        if (!elsewhere.isUndefined() && !elsewhere.isBool())
            return refuse(QStringLiteral("endSession.elsewhere must be true or false."));
        const bool replaced = elsewhere.toBool(true);
        actions << [this, email, replaced] { endWebSession(email, replaced); };
    }
    auto addedIds = std::make_shared<QJsonArray>();
    if (o.contains(QLatin1String("addVideos"))) {
        const auto videos = accountVideosFromJson(o.value(QLatin1String("addVideos")).toObject());
        if (const auto* why = std::get_if<QString>(&videos))
            return refuse(*why);
        actions << [this, videos = std::get<SandboxAccountVideos>(videos), addedIds] {
            for (const qint64 id : addAccountVideos(videos))
                addedIds->append(QJsonValue(id));
        };
    }
    if (o.contains(QLatin1String("deleteVideo"))) {
        const auto id = exactInteger(o.value(QLatin1String("deleteVideo")));
        if (!id || !m_videos.contains(*id))
            return refuse(QStringLiteral("deleteVideo must be the id of an existing video."));
        actions << [this, id] { deleteVideo(*id); };
    }
    if (actions.isEmpty())
        return refuse(QStringLiteral("Nothing to do: use clockSpeed, advanceMs, fault, "
                                     "clearFaults, credits, endSession, addVideos or "
                                     "deleteVideo."));
    for (const auto& action : actions)
        action();
    QJsonObject answer{{QStringLiteral("ok"), true}};
    if (o.contains(QLatin1String("addVideos")))
        answer.insert(QStringLiteral("videoIds"), *addedIds);
    return jsonAnswer(answer);
}

} // namespace pixverse::sandbox
