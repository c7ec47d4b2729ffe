// The sandbox's spend ledger: POST /openapi/v2/account/billing/usage-detail (§2.20, §6). Every
// deduction and refund is derived from the videos the sandbox keeps (their cost and whether the
// final status gave it back), so the ledger outlives a restart exactly like the videos do.

#include "core/sandbox/SandboxState.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <tuple>
#include <utility>

namespace pixverse::sandbox {

namespace {

const QString kTimeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");
constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 100;
constexpr qint64 kMaxRangeSeconds = 30LL * 24 * 3600;

QString creationType(GenerationMode mode) {
    switch (mode) {
    case GenerationMode::TextToVideo:
        return QStringLiteral("text_to_video");
    case GenerationMode::ImageToVideo:
    case GenerationMode::Effect: // an effect is an image-to-video call with a template
        return QStringLiteral("image_to_video");
    case GenerationMode::Transition:
        return QStringLiteral("transition");
    case GenerationMode::Extend:
        return QStringLiteral("extend");
    case GenerationMode::Fusion:
        return QStringLiteral("fusion");
    case GenerationMode::Upscale:
        return QStringLiteral("upscale");
    case GenerationMode::SoundEffect:
        return QStringLiteral("sound_effect");
    case GenerationMode::LipSync:
        return QStringLiteral("lip_sync");
    }
    return {};
}

struct UsageRow {
    QDateTime at; // UTC, whole seconds
    qint64 videoId = 0;
    bool refund = false;
    qint64 credits = 0;
    QString type;
};

//! What a page asks for; the cursor carries it all, so a next page needs nothing else.
struct UsageFilter {
    QDateTime start;
    QDateTime end;
    QString status; // "", "consume" or "refund"
    QStringList types;
    int offset = 0;
};

QDateTime parseTime(const QJsonValue& value) {
    QDateTime at = QDateTime::fromString(value.toString(), kTimeFormat);
    at.setTimeSpec(Qt::UTC);
    return at;
}

QString encodeCursor(const UsageFilter& f) {
    const QJsonObject o{{QStringLiteral("s"), f.start.toString(kTimeFormat)},
                        {QStringLiteral("e"), f.end.toString(kTimeFormat)},
                        {QStringLiteral("c"), f.status},
                        {QStringLiteral("t"), QJsonArray::fromStringList(f.types)},
                        {QStringLiteral("o"), f.offset}};
    return QString::fromLatin1(
        QJsonDocument(o)
            .toJson(QJsonDocument::Compact)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<UsageFilter> decodeCursor(const QString& cursor) {
    const auto bytes = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!bytes)
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(*bytes).object();
    UsageFilter f;
    f.start = parseTime(o.value(u"s"));
    f.end = parseTime(o.value(u"e"));
    f.status = o.value(u"c").toString();
    for (const QJsonValue& t : o.value(u"t").toArray())
        f.types << t.toString();
    f.offset = o.value(u"o").toInt(-1);
    if (!f.start.isValid() || !f.end.isValid() || f.offset < 0)
        return std::nullopt;
    return f;
}

//! The filter a first page's body asks for, or empty when a field breaks §2.20's rules.
std::optional<UsageFilter> filterFromBody(const QJsonObject& body) {
    UsageFilter f;
    f.start = parseTime(body.value(u"start_time"));
    f.end = parseTime(body.value(u"end_time"));
    if (!f.start.isValid() || !f.end.isValid() || f.start > f.end ||
        f.start.secsTo(f.end) > kMaxRangeSeconds)
        return std::nullopt;
    if (hasValue(body, "credits_status")) {
        f.status = body.value(u"credits_status").toString();
        if (f.status != QLatin1String("consume") && f.status != QLatin1String("refund"))
            return std::nullopt;
    }
    if (hasValue(body, "creation_type")) {
        if (!body.value(u"creation_type").isArray())
            return std::nullopt;
        for (const QJsonValue& t : body.value(u"creation_type").toArray())
            f.types << t.toString();
    }
    return f;
}

QJsonObject itemJson(const UsageRow& row) {
    return QJsonObject{
        {QStringLiteral("video_id"), QJsonValue(row.videoId)},
        {QStringLiteral("creation_type"), row.type},
        {QStringLiteral("credits"), QJsonValue(row.credits)},
        {QStringLiteral("credits_status"),
         row.refund ? QStringLiteral("refund") : QStringLiteral("consume")},
        {QStringLiteral("created_at"), row.at.toString(kTimeFormat)},
    };
}

} // namespace

HttpAnswer SandboxState::usageDetail(const HttpRequest& request, const QString& key) {
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return envelope(400017, errMessage(400017));
    const QJsonObject body = document.object();
    int limit = kDefaultLimit;
    if (hasValue(body, "limit")) {
        const std::optional<qint64> asked = exactInteger(body.value(u"limit"));
        if (!asked || *asked < 1 || *asked > kMaxLimit)
            return envelope(400017, errMessage(400017));
        limit = static_cast<int>(*asked);
    }
    const QString cursor = body.value(u"cursor").toString();
    const std::optional<UsageFilter> filter =
        cursor.isEmpty() ? filterFromBody(body) : decodeCursor(cursor);
    if (!filter)
        return envelope(400017, errMessage(400017));

    QList<UsageRow> rows;
    const auto inRange = [&](const UsageRow& row) {
        return row.at >= filter->start && row.at <= filter->end &&
               (filter->status.isEmpty() ||
                filter->status == QLatin1String(row.refund ? "refund" : "consume")) &&
               (filter->types.isEmpty() || filter->types.contains(row.type));
    };
    for (const Video& v : std::as_const(m_videos)) {
        if (v.owner != key || v.web || v.cost <= 0)
            continue;
        const auto wholeSeconds = [this](qint64 ms) {
            const QDateTime at = m_epoch.addMSecs(ms).toUTC();
            return at.addMSecs(-at.time().msec());
        };
        const QString type = creationType(v.request.mode);
        const UsageRow charge{wholeSeconds(v.createdAt), v.id, false, v.cost, type};
        if (inRange(charge))
            rows << charge;
        const UsageRow refund{wholeSeconds(v.finishAt), v.id, true, v.cost, type};
        if (v.refunded && inRange(refund))
            rows << refund;
    }
    std::sort(rows.begin(), rows.end(), [](const UsageRow& a, const UsageRow& b) {
        return std::tie(a.at, a.videoId, a.refund) < std::tie(b.at, b.videoId, b.refund);
    });

    QJsonArray items;
    const qsizetype end = std::min<qsizetype>(rows.size(), filter->offset + limit);
    for (qsizetype i = filter->offset; i < end; ++i)
        items.append(itemJson(rows.at(i)));
    const bool more = end < rows.size();
    UsageFilter next = *filter;
    next.offset = static_cast<int>(end);
    return envelope(
        0, QStringLiteral("success"),
        QJsonObject{{QStringLiteral("items"), items},
                    {QStringLiteral("next_cursor"), more ? encodeCursor(next) : QString()},
                    {QStringLiteral("has_more"), more}});
}

} // namespace pixverse::sandbox
