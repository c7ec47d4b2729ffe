// ModeRoutes: video and audio uploads (§2.12), the speaker lists (§2.18) and the sample clips the
// continued videos are served as.

#include "core/media/MediaLimits.h"
#include "core/media/MediaProbe.h"
#include "core/sandbox/ModeRoutes.h"
#include "core/sandbox/Multipart.h"
#include "core/sandbox/OutputSize.h"

#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>

#include <cmath>

namespace pixverse::sandbox {

namespace {

//! §2.12's accepted MIME types: whether each is a video, and the extension it is stored with.
struct MimeKind {
    const char* mime;
    bool video;
    const char* extension;
};
constexpr MimeKind kAcceptedMime[] = {
    {"video/mp4", true, "mp4"},    {"video/mov", true, "mov"},    {"video/quicktime", true, "mov"},
    {"video/webm", true, "webm"},  {"audio/mpeg", false, "mp3"},  {"audio/wav", false, "wav"},
    {"audio/wave", false, "wav"},  {"audio/x-wav", false, "wav"}, {"audio/vnd.wave", false, "wav"},
    {"audio/x-m4a", false, "m4a"}, {"audio/aac", false, "aac"},   {"audio/x-aac", false, "aac"},
    {"audio/mp4", false, "m4a"},
};

const MimeKind* acceptedMime(const QByteArray& mime) {
    for (const MimeKind& kind : kAcceptedMime) {
        if (mime == kind.mime)
            return &kind;
    }
    return nullptr;
}

//! The part's MIME type; without one (or with the generic octet-stream) its file name's
//! extension names it, as a browser would.
QByteArray partMimeType(const QByteArray& contentType, const QByteArray& fileName) {
    const QByteArray type = contentType.split(';').value(0).trimmed().toLower();
    if (!type.isEmpty() && type != "application/octet-stream")
        return type;
    const QByteArray ext = fileName.mid(fileName.lastIndexOf('.') + 1).toLower();
    static const QHash<QByteArray, QByteArray> byExtension{
        {"mp4", "video/mp4"},  {"mov", "video/quicktime"}, {"webm", "video/webm"},
        {"mp3", "audio/mpeg"}, {"wav", "audio/wav"},       {"m4a", "audio/x-m4a"},
        {"aac", "audio/aac"}};
    return byExtension.value(ext, type);
}

//! What the sandbox reads of uploaded bytes. Empty when they are no media it can read.
struct UploadFacts {
    bool hasVideo = false;
    bool hasAudio = false;
    QSize size;
    double seconds = 0;
};

std::optional<UploadFacts> readUpload(const QByteArray& bytes, const MimeKind& kind) {
    // The probe reads a file: the bytes go to a temporary one named by their declared type.
    QTemporaryDir dir;
    const QString path =
        dir.filePath(QStringLiteral("upload.") + QString::fromLatin1(kind.extension));
    QFile file(path);
    if (!dir.isValid() || !file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return std::nullopt;
    file.close();
    const MediaProbeResult probed = probeMedia(path);
    if (!probed.facts)
        return std::nullopt;
    const MediaFacts& facts = *probed.facts;
    return UploadFacts{facts.hasVideo, facts.hasAudio, QSize(facts.width, facts.height),
                       facts.seconds};
}

//! Why the probed upload is refused (§2.12 limits, the upload family of §2.1), if it is.
std::optional<HttpAnswer> factsRefusal(const std::optional<UploadFacts>& facts,
                                       const MimeKind& kind) {
    if (!facts)
        return envelope(500031, QStringLiteral("The file could not be read as video or audio"));
    if (kind.video ? !facts->hasVideo : !facts->hasAudio)
        return envelope(500032, kind.video ? QStringLiteral("The file has no video stream")
                                           : QStringLiteral("The file has no audio stream"));
    if (kind.video && (facts->size.width() < 1 || facts->size.height() < 1))
        return envelope(500033, errMessage(500033));
    if (facts->seconds > media_limits::kMaxUploadSeconds)
        return envelope(500030, QStringLiteral("The file is %1 s long; at most %2 s are allowed")
                                    .arg(facts->seconds)
                                    .arg(media_limits::kMaxUploadSeconds));
    if (kind.video &&
        std::max(facts->size.width(), facts->size.height()) > media_limits::kMaxVideoSide)
        return envelope(500030, QStringLiteral("The video is larger than %1 px on a side")
                                    .arg(media_limits::kMaxVideoSide));
    return std::nullopt;
}

double aspectDistance(QSize a, QSize b) {
    return std::abs(std::log(static_cast<double>(a.width()) / a.height()) -
                    std::log(static_cast<double>(b.width()) / b.height()));
}

} // namespace

const QList<QPair<QString, QString>>& systemSpeakers() {
    static const QList<QPair<QString, QString>> speakers{
        {QStringLiteral("1"), QStringLiteral("Emily")},
        {QStringLiteral("2"), QStringLiteral("James")},
        {QStringLiteral("3"), QStringLiteral("Isabella")},
        {QStringLiteral("4"), QStringLiteral("Liam")},
        {QStringLiteral("5"), QStringLiteral("Chloe")},
        {QStringLiteral("6"), QStringLiteral("Adrian")},
        {QStringLiteral("7"), QStringLiteral("Harper")},
        {QStringLiteral("8"), QStringLiteral("Ava")},
        {QStringLiteral("9"), QStringLiteral("Sophia")},
        {QStringLiteral("10"), QStringLiteral("Julia")},
        {QStringLiteral("11"), QStringLiteral("Mason")},
        {QStringLiteral("12"), QStringLiteral("Jack")},
        {QStringLiteral("13"), QStringLiteral("Oliver")},
        {QStringLiteral("14"), QStringLiteral("Ethan")},
        {QStringLiteral("Auto"), QStringLiteral("Auto")}};
    return speakers;
}

QStringList systemSpeakerIds() {
    QStringList ids;
    for (const auto& speaker : systemSpeakers())
        ids << speaker.first;
    return ids;
}

HttpAnswer ModeRoutes::upload(const HttpRequest& request, const QString& key) {
    const auto parts =
        parseMultipart(request.header(QByteArrayLiteral("Content-Type")), request.body);
    if (!parts)
        return envelope(400013, QStringLiteral("The upload must be multipart/form-data"));
    const MultipartPart* file = nullptr;
    const MultipartPart* fileUrl = nullptr;
    for (const MultipartPart& part : *parts) {
        if (part.name == "file" && !file)
            file = &part;
        else if (part.name == "file_url" && !fileUrl)
            fileUrl = &part;
    }
    // Exactly one of the two (§2.12; the codes are inferred, §6).
    if (file && fileUrl)
        return envelope(400017, QStringLiteral("Send file or file_url, not both"));
    if (!file && !fileUrl)
        return envelope(400011,
                        QStringLiteral("The form field \"file\" or \"file_url\" is required"));

    QByteArray bytes;
    QByteArray mime;
    if (fileUrl) {
        QByteArray servedType;
        bytes = fetchOwnUrl(QString::fromUtf8(fileUrl->data).trimmed(), &servedType);
        if (bytes.isEmpty())
            return envelope(500041, QStringLiteral("The file at file_url could not be fetched"));
        mime = servedType.split(';').value(0).trimmed().toLower();
    } else {
        bytes = file->data;
        mime = partMimeType(file->contentType, file->fileName);
    }
    const MimeKind* kind = acceptedMime(mime);
    if (!kind)
        return envelope(500032, QStringLiteral("The type \"%1\" is not an accepted video or audio "
                                               "type")
                                    .arg(QString::fromLatin1(mime)));
    if (bytes.size() > media_limits::kMaxUploadBytes)
        return envelope(500030, QStringLiteral("The file is over 50 MB"));
    const std::optional<UploadFacts> facts = readUpload(bytes, *kind);
    if (auto refusal = factsRefusal(facts, *kind))
        return *refusal;

    Media m;
    m.id = m_state.nextId(m_state.m_lastMediaId);
    m.owner = key;
    m.video = kind->video;
    m.mimeType = kind->mime;
    m.extension = QString::fromLatin1(kind->extension);
    m.size = kind->video ? facts->size : QSize();
    m.seconds = facts->seconds;
    m.hasAudio = facts->hasAudio;
    m.bytes = bytes;
    m_media.insert(m.id, m);
    ++m_state.m_stats.uploads;
    ++m_state.m_stats.mediaUploads;
    qCDebug(lcSandbox) << "media" << m.id << "stored:" << mime << m.size << m.seconds << "s";
    QJsonObject resp{
        {QStringLiteral("media_id"), QJsonValue(m.id)},
        {QStringLiteral("media_type"), m.video ? QStringLiteral("video") : QStringLiteral("audio")},
        {QStringLiteral("url"),
         m_state.mediaUrl(QStringLiteral("/media/file/%1.%2").arg(m.id).arg(m.extension))},
    };
    if (m.video) {
        resp.insert(QStringLiteral("width"), m.size.width());
        resp.insert(QStringLiteral("height"), m.size.height());
    }
    return envelope(0, errMessage(0), resp);
}

QByteArray ModeRoutes::fetchOwnUrl(const QString& url, QByteArray* contentType) const {
    // No outside network: only what this sandbox serves itself under /media/.
    const QUrl parsed(url);
    const QUrl base = m_state.baseUrl();
    if (!parsed.isValid() || parsed.scheme() != QLatin1String("http") ||
        parsed.port() != base.port() ||
        (parsed.host() != base.host() && parsed.host() != QLatin1String("localhost")) ||
        !parsed.path().startsWith(QLatin1String("/media/")))
        return {};
    HttpRequest get;
    get.method = QHttpServerRequest::Method::Get;
    get.path = parsed.path();
    get.decodedPath = parsed.path(QUrl::FullyDecoded);
    const HttpAnswer answer = m_state.media(get);
    if (answer.status != 200)
        return {};
    for (const auto& header : answer.headers) {
        if (header.first.compare("Content-Type", Qt::CaseInsensitive) == 0)
            *contentType = header.second;
    }
    return answer.body;
}

HttpAnswer ModeRoutes::speakers(const HttpRequest& request, bool legacy) const {
    // tts_list (older) documents page_num and page_size as required strings; tts_speaker (2026)
    // takes page_size 10, 20, 50 or 100 and a speaker_type (§2.18). Both are required on both.
    auto number = [&request](const char* name) -> std::optional<qint64> {
        bool ok = false;
        const qint64 n = request.query.queryItemValue(QLatin1String(name)).toLongLong(&ok);
        return ok ? std::optional<qint64>(n) : std::nullopt;
    };
    for (const char* name : {"page_num", "page_size"}) {
        if (request.query.queryItemValue(QLatin1String(name)).isEmpty())
            return envelope(400011, QStringLiteral("\"%1\" is required").arg(QLatin1String(name)));
        if (!number(name))
            return envelope(400013,
                            QStringLiteral("\"%1\" must be an integer").arg(QLatin1String(name)));
    }
    const qint64 page = *number("page_num");
    const qint64 size = *number("page_size");
    if (page < 1)
        return envelope(400017, QStringLiteral("page_num starts at 1"));
    if (legacy ? (size < 1 || size > 100) : !QList<qint64>{10, 20, 50, 100}.contains(size))
        return envelope(400017, QStringLiteral("page_size %1 is not allowed").arg(size));
    const QString type = request.query.queryItemValue(QStringLiteral("speaker_type"));
    if (!legacy && !type.isEmpty() &&
        !QStringList{QStringLiteral("system"), QStringLiteral("custom"), QStringLiteral("all")}
             .contains(type))
        return envelope(400017, QStringLiteral("Unknown speaker_type \"%1\"").arg(type));
    // Custom voices are not kept by the sandbox: a custom list is empty.
    const auto& all = systemSpeakers();
    const qsizetype total = type == QLatin1String("custom") ? 0 : all.size();
    QJsonArray data;
    for (qint64 i = (page - 1) * size; i < total && i < page * size; ++i)
        data << QJsonObject{{QStringLiteral("speaker_id"), all.at(i).first},
                            {QStringLiteral("name"), all.at(i).second}};
    return envelope(0, errMessage(0),
                    QJsonObject{{QStringLiteral("total"), QJsonValue(qint64(total))},
                                {QStringLiteral("data"), data}});
}

const QSet<QString>& ModeRoutes::clipNames() const {
    if (!m_clipNames) {
        const QStringList names =
            m_state.m_clipsDir.isEmpty()
                ? QStringList()
                : QDir(m_state.m_clipsDir).entryList({QStringLiteral("*.mp4")}, QDir::Files);
        m_clipNames = QSet<QString>(names.cbegin(), names.cend());
    }
    return *m_clipNames;
}

bool ModeRoutes::hasClip(QSize size, bool withAudio, int seconds) const {
    return clipNames().contains(clipFileName(size, withAudio, seconds));
}

int ModeRoutes::clipSecondsFor(QSize size, bool withAudio, int wanted) const {
    for (int s = std::max(wanted, 1); s > 1; --s) {
        if (hasClip(size, withAudio, s))
            return s;
    }
    return 1;
}

QSize ModeRoutes::nearestClipSize(QSize size) const {
    if (size.isEmpty())
        return QSize(960, 540); // an upload of unknown size: the most common one
    if (hasClip(size, false, 1))
        return size;
    static const QRegularExpression plain(QStringLiteral("^(\\d+)x(\\d+)\\.mp4$"));
    QSize best;
    double bestAspect = 0;
    qint64 bestArea = 0;
    const qint64 area = qint64(size.width()) * size.height();
    for (const QString& name : clipNames()) {
        const auto match = plain.match(name);
        if (!match.hasMatch())
            continue;
        const QSize candidate(match.captured(1).toInt(), match.captured(2).toInt());
        const double aspect = aspectDistance(candidate, size);
        const qint64 areaGap = std::abs(qint64(candidate.width()) * candidate.height() - area);
        if (!best.isValid() || aspect < bestAspect - 1e-9 ||
            (std::abs(aspect - bestAspect) <= 1e-9 && areaGap < bestArea)) {
            best = candidate;
            bestAspect = aspect;
            bestArea = areaGap;
        }
    }
    return best.isValid() ? best : size;
}

QSize ModeRoutes::nextLargerClipSize(QSize size) const {
    static const QRegularExpression plain(QStringLiteral("^(\\d+)x(\\d+)\\.mp4$"));
    const qint64 area = qint64(size.width()) * size.height();
    QSize best;
    for (const QString& name : clipNames()) {
        const auto match = plain.match(name);
        if (!match.hasMatch())
            continue;
        const QSize candidate(match.captured(1).toInt(), match.captured(2).toInt());
        const qint64 candidateArea = qint64(candidate.width()) * candidate.height();
        // The same aspect ratio within rounding (1 %), and larger.
        if (aspectDistance(candidate, size) > 0.01 || candidateArea <= area)
            continue;
        if (!best.isValid() || candidateArea < qint64(best.width()) * best.height())
            best = candidate;
    }
    return best.isValid() ? best : size;
}

} // namespace pixverse::sandbox
