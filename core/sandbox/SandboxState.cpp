#include "core/sandbox/SandboxState.h"

#include "core/sandbox/EffectRoutes.h"
#include "core/sandbox/ModeRoutes.h"
#include "core/sandbox/Multipart.h"
#include "core/sandbox/OutputSize.h"
#include "core/sandbox/SandboxRules.h"
#include "core/sandbox/SandboxStore.h"
#include "core/sandbox/WebRoutes.h"

#include <QBuffer>
#include <QColor>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponder>
#include <QImage>
#include <QImageReader>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>

// Debug (one line per request, never a header) is off unless QT_LOGGING_RULES turns it on.
Q_LOGGING_CATEGORY(lcSandbox, "pixverse.sandbox", QtInfoMsg)

namespace pixverse::sandbox {

namespace {

// Ids live above 2^53 so that a client that goes through double loses digits (§1.3).
constexpr qint64 kTwoPow53 = 9007199254740992LL;
constexpr qint64 kFirstVideoId = kTwoPow53; // the first id is at least 2^53 + 1
constexpr qint64 kFirstImageId = kTwoPow53 + 100000000000LL;
constexpr qint64 kFirstAccountId = kTwoPow53 + 200000000000LL;
constexpr qint64 kFirstMediaId = kTwoPow53 + 300000000000LL;

const QByteArray kJson = QByteArrayLiteral("application/json");

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return QByteArrayLiteral("Error");
    }
}

QByteArray methodName(QHttpServerRequest::Method method) {
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    default:
        return QByteArrayLiteral("OTHER");
    }
}

void writeAnswer(QHttpServerResponder& responder, const HttpAnswer& answer) {
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(answer.status));
    for (const auto& header : answer.headers)
        responder.writeHeader(header.first, header.second);
    responder.writeHeader(QByteArrayLiteral("Content-Length"),
                          QByteArray::number(answer.body.size()));
    responder.writeBody(answer.headOnly ? QByteArray() : answer.body);
}

} // namespace

std::optional<qint64> exactInteger(const QJsonValue& value) {
    const qint64 low = value.toInteger(std::numeric_limits<qint64>::min());
    const qint64 high = value.toInteger(std::numeric_limits<qint64>::max());
    if (low != high)
        return std::nullopt;
    return low;
}

bool hasValue(const QJsonObject& body, const char* name) {
    const QJsonValue value = body.value(QLatin1String(name));
    return !value.isUndefined() && !value.isNull();
}

bool isIntegral(const QJsonValue& value) {
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return std::isfinite(d) && std::trunc(d) == d;
}

// A trace id is any RFC 4122 UUID in its text form (braces tolerated). Malformed → 400013 on the
// OpenAPI ("wrong parameter type or value"); the web family answers its own 400033.
bool isUuid(const QByteArray& text) {
    if (text.size() != 36 && text.size() != 38)
        return false;
    return !QUuid::fromString(QString::fromLatin1(text)).isNull();
}

QByteArray sniffImageFormat(const QByteArray& d) {
    if (d.startsWith(QByteArrayView("\x89PNG\r\n\x1a\n", 8)))
        return QByteArrayLiteral("png");
    if (d.startsWith(QByteArrayView("\xff\xd8\xff", 3)))
        return QByteArrayLiteral("jpeg");
    if (d.size() >= 12 && d.startsWith("RIFF") && d.mid(8, 4) == "WEBP")
        return QByteArrayLiteral("webp");
    if (d.startsWith("GIF87a") || d.startsWith("GIF89a"))
        return QByteArrayLiteral("gif");
    if (d.startsWith("BM"))
        return QByteArrayLiteral("bmp");
    if (d.startsWith(QByteArrayView("II*\0", 4)) || d.startsWith(QByteArrayView("MM\0*", 4)))
        return QByteArrayLiteral("tiff");
    if (d.startsWith(QByteArrayView("\0\0\1\0", 4)))
        return QByteArrayLiteral("ico");
    if (d.mid(4, 4) == "ftyp")
        return QByteArrayLiteral("heif");
    return {};
}

bool isAcceptedFormat(const QByteArray& format) {
    return format == "png" || format == "jpeg" || format == "webp";
}

HttpAnswer plainAnswer(int status, const QByteArray& text,
                       QList<QPair<QByteArray, QByteArray>> headers) {
    HttpAnswer a;
    a.status = status;
    a.headers = std::move(headers);
    a.headers.prepend(
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8")});
    a.body = text + '\n';
    return a;
}

HttpAnswer notFound() {
    return plainAnswer(404, QByteArrayLiteral("Not Found"));
}

HttpAnswer methodNotAllowed(const QByteArray& allowed) {
    return plainAnswer(405, QByteArrayLiteral("Method Not Allowed"),
                       {{QByteArrayLiteral("Allow"), allowed}});
}

HttpAnswer jsonAnswer(const QJsonObject& object, int status) {
    HttpAnswer a;
    a.status = status;
    a.headers << qMakePair(QByteArrayLiteral("Content-Type"), kJson);
    a.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return a;
}

namespace {

//! Whether the part says it is a PNG/JPEG/WebP, by file name or Content-Type.
bool claimsAcceptedFormat(const MultipartPart& part) {
    const QByteArray name = part.fileName.toLower();
    for (const char* ext : {".png", ".jpg", ".jpeg", ".webp"}) {
        if (name.endsWith(ext))
            return true;
    }
    const QByteArray type = part.contentType.toLower();
    return type.startsWith("image/png") || type.startsWith("image/jpeg") ||
           type.startsWith("image/jpg") || type.startsWith("image/webp");
}

} // namespace

QByteArray HttpRequest::header(const QByteArray& name) const {
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QString errMessage(qint64 errCode) {
    switch (errCode) {
    case 0:
        return QStringLiteral("success");
    case 400:
        return QStringLiteral("incorrect image width or height");
    case 10001:
        return QStringLiteral("Token is invalid");
    case 10003:
        return QStringLiteral("User is not logged in");
    case 10005:
        return QStringLiteral("Your account has been logged in elsewhere");
    case 400033:
        return QStringLiteral("Invalid traceId");
    case 500043:
        return QStringLiteral("All credits have been used up, upgrade or buy credits");
    case 500200:
        return QStringLiteral("User does not exist.");
    case 500201:
        return QStringLiteral("Authentication user error");
    case 400011:
        return QStringLiteral("A required parameter is empty");
    case 400012:
        return QStringLiteral("Invalid API-KEY");
    case 400013:
        return QStringLiteral("Binding failed: wrong parameter type or value");
    case 400017:
        return QStringLiteral("Invalid parameter");
    case 400018:
    case 400019:
        return QStringLiteral("The prompt or negative prompt is longer than 2048 characters");
    case 400032:
        return QStringLiteral("Invalid image ID");
    case 500008:
        return QStringLiteral("Requested data not found");
    case 500020:
        return QStringLiteral("No permission for this operation");
    case 500030:
        return QStringLiteral("Image is over 20 MB or over 4000x4000 pixels");
    case 500031:
        return QStringLiteral("Could not read the image information");
    case 500032:
        return QStringLiteral("Invalid image format");
    case 500033:
        return QStringLiteral("Invalid image width or height");
    case 500041:
        return QStringLiteral("Image upload failed");
    case 500042:
        return QStringLiteral("Invalid image path");
    case 500044:
        return QStringLiteral("Reached the limit for concurrent generations.");
    case 500054:
        return QStringLiteral("The image may contain inappropriate content");
    case 500060:
        return QStringLiteral("Monthly effect activation limit reached");
    case 500063:
        return QStringLiteral("Moderation of the input failed");
    case 500064:
        return QStringLiteral("The content has been deleted");
    case 500069:
        return QStringLiteral("System is currently experiencing high load, try again later");
    case 500070:
        return QStringLiteral("Template not activated");
    case 500071:
        return QStringLiteral("This effect does not support 720p or 1080p");
    case 500090:
        return QStringLiteral("Insufficient balance");
    case 500100:
        return QStringLiteral("Internal database error");
    default:
        return QStringLiteral("Unknown error");
    }
}

HttpAnswer envelope(qint64 errCode, const QString& message, const std::optional<QJsonObject>& resp,
                    int httpStatus) {
    QJsonObject body{
        {QStringLiteral("ErrCode"), QJsonValue(errCode)},
        {QStringLiteral("ErrMsg"), message},
        {QStringLiteral("Resp"), resp ? QJsonValue(*resp) : QJsonValue(QJsonValue::Null)},
    };
    return jsonAnswer(body, httpStatus);
}

QString findClipsDir(const QString& configured) {
    if (!configured.isEmpty())
        return configured;
    const QString fromEnv = qEnvironmentVariable("PIXVERSE_CLIPS_DIR");
    if (!fromEnv.isEmpty() && QDir(fromEnv).exists())
        return fromEnv;
    if (QCoreApplication::instance()) {
        const QString installed =
            QDir::cleanPath(QCoreApplication::applicationDirPath() +
                            QStringLiteral("/../share/pixverse-studio/clips"));
        if (QDir(installed).exists())
            return installed;
    }
#ifdef PIXVERSE_BUILD_CLIPS_DIR
    if (QDir(QStringLiteral(PIXVERSE_BUILD_CLIPS_DIR)).exists())
        return QStringLiteral(PIXVERSE_BUILD_CLIPS_DIR);
#endif
    return {};
}

SandboxState::SandboxState(SandboxServer* owner, SandboxConfig config)
    : m_owner(owner)
    , m_config(std::move(config))
    , m_rules(SandboxRules::builtIn()) {
    m_rules.setWebRefusesLegacyModels(m_config.webRefusesLegacyModels);
    const std::array<quint32, 2> seed{static_cast<quint32>(m_config.randomSeed & 0xffffffffU),
                                      static_cast<quint32>(m_config.randomSeed >> 32)};
    m_rng = QRandomGenerator(seed.data(), seed.data() + seed.size());
    m_lastVideoId = kFirstVideoId;
    m_lastImageId = kFirstImageId;
    m_lastAccountId = kFirstAccountId;
    m_epoch = QDateTime::currentDateTimeUtc();
    m_lastMediaId = kFirstMediaId;
    m_web = std::make_unique<WebRoutes>(*this);
    m_modes = std::make_unique<ModeRoutes>(*this);
    m_effects = std::make_unique<EffectRoutes>(*this);
    m_http = new QHttpServer(owner);
    m_http->setMissingHandler(
        [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            handle(request, std::move(responder));
        });
}

SandboxState::~SandboxState() {
    // Before the state goes: the server's handler points at it.
    delete m_http;
    if (m_store)
        m_store->close(*this);
}

bool SandboxState::start() {
    if (m_port != 0)
        return true;
    if (!m_config.stateDir.isEmpty() && !m_store) {
        auto store = std::make_unique<SandboxStore>(m_config.stateDir);
        if (!store->open(*this)) {
            m_error = store->errorString();
            return false;
        }
        m_store = std::move(store);
    }
    m_clipsDir = findClipsDir(m_config.clipsDir);
    if (m_clipsDir.isEmpty() || !QDir(m_clipsDir).exists())
        qCWarning(lcSandbox)
            << "no folder of sample clips found; finished videos cannot be downloaded";
    auto* tcp = new QTcpServer(m_http);
    // The previous run's port when it is free, so the video URLs clients kept still work.
    const quint16 previousPort = m_store && m_config.port == 0 ? m_store->previousPort() : 0;
    if ((previousPort == 0 || !tcp->listen(m_config.address, previousPort)) &&
        !tcp->listen(m_config.address, m_config.port)) {
        m_error = QStringLiteral("Cannot listen on %1 port %2: %3.")
                      .arg(m_config.address.toString())
                      .arg(m_config.port)
                      .arg(tcp->errorString());
        delete tcp;
        return false;
    }
    m_http->bind(tcp);
    m_port = tcp->serverPort();
    qCInfo(lcSandbox).noquote() << "listening on" << baseUrl().toString() << "with clips from"
                                << m_clipsDir;
    return true;
}

QUrl SandboxState::baseUrl() const {
    if (m_port == 0)
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    const QHostAddress host =
        m_config.address == QHostAddress::Any || m_config.address == QHostAddress::AnyIPv4
            ? QHostAddress(QHostAddress::LocalHost)
            : m_config.address;
    url.setHost(host.toString());
    url.setPort(m_port);
    return url;
}

void SandboxState::handle(const QHttpServerRequest& r, QHttpServerResponder&& responder) {
    ++m_stats.requests;
    HttpRequest request;
    request.method = r.method();
    request.path = r.url().path();
    request.decodedPath = r.url().path(QUrl::FullyDecoded);
    request.query = QUrlQuery(r.url());
    request.headers = r.headers();
    request.body = r.body();
    // Never the headers: they carry the API key.
    qCDebug(lcSandbox).noquote() << methodName(request.method) << request.path;

    std::optional<SandboxFault> fault;
    if (!request.path.startsWith(QLatin1String("/sandbox/")))
        fault = takeFault(request.path);
    if (fault && fault->kind == SandboxFault::Kind::DropConnection) {
        qCInfo(lcSandbox).noquote() << "fault: dropping the connection of" << request.path;
        if (QTcpSocket* socket = responder.socket())
            socket->abort();
        return;
    }
    const bool stall = fault && fault->kind == SandboxFault::Kind::Stall;
    const bool spoil = fault && (fault->kind == SandboxFault::Kind::TruncateBody ||
                                 fault->kind == SandboxFault::Kind::TruncateJson ||
                                 fault->kind == SandboxFault::Kind::PatchResp);
    // A stalled or spoiled request takes effect at once (so a retry with the same trace id is
    // replayed); only its answer is late or damaged.
    const HttpAnswer answer = fault && !stall && !spoil ? faultAnswer(*fault) : route(request);
    persist(); // before the answer leaves: a client killed right after it loses nothing
    if (spoil && !answer.headOnly) {
        if (fault->kind == SandboxFault::Kind::TruncateBody) {
            qCInfo(lcSandbox).noquote()
                << "fault: closing the connection halfway through the answer of" << request.path;
            responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(answer.status));
            for (const auto& header : answer.headers)
                responder.writeHeader(header.first, header.second);
            responder.writeHeader(QByteArrayLiteral("Content-Length"),
                                  QByteArray::number(answer.body.size()));
            responder.writeBody(answer.body.left(answer.body.size() / 2));
            // Closes once the half is written (abort() would discard it).
            if (QTcpSocket* socket = responder.socket())
                socket->disconnectFromHost();
            return;
        }
        writeAnswer(responder, spoiledAnswer(*fault, answer));
        return;
    }
    if (stall && fault->delayMs > 0) {
        qCInfo(lcSandbox).noquote()
            << "fault: answering" << request.path << "after" << fault->delayMs << "ms";
        auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
        QPointer<QTcpSocket> socket = pending->socket();
        QTimer::singleShot(fault->delayMs, m_http, [this, pending, socket, answer] {
            // The client may have given up: its socket is then closed or already deleted.
            if (socket && socket->state() == QAbstractSocket::ConnectedState)
                writeAnswer(*pending, answer);
            else
                ++m_stats.stalledAnswersDropped;
        });
        return;
    }
    writeAnswer(responder, answer);
}

HttpAnswer SandboxState::route(const HttpRequest& request) {
    const QString& path = request.path;
    if (path == QLatin1String("/sandbox/stats"))
        return request.isGet() ? statsAnswer() : methodNotAllowed(QByteArrayLiteral("GET"));
    if (path == QLatin1String("/sandbox/control"))
        return request.isPost() ? control(request) : methodNotAllowed(QByteArrayLiteral("POST"));
    if (path.startsWith(QLatin1String("/media/")))
        return media(request);
    const QLatin1String webPrefix("/creative_platform/");
    if (path.startsWith(webPrefix))
        return m_web->route(request, path.mid(webPrefix.size()));
    if (path.startsWith(QLatin1String("/oss/")))
        return m_web->objectStoreRequest(request);

    const QLatin1String apiPrefix("/openapi/v2/");
    if (!path.startsWith(apiPrefix))
        return notFound();
    const QString endpoint = path.mid(apiPrefix.size());
    bool post = false;
    std::optional<bool> modePost = m_modes->handles(endpoint);
    if (!modePost)
        modePost = m_effects->handles(endpoint);
    if (modePost)
        post = *modePost;
    else if (endpoint == QLatin1String("image/upload") ||
             endpoint == QLatin1String("video/text/generate") ||
             endpoint == QLatin1String("video/img/generate") ||
             endpoint == QLatin1String("account/billing/usage-detail"))
        post = true;
    else if (endpoint != QLatin1String("account/balance") &&
             !endpoint.startsWith(QLatin1String("video/result/")))
        return notFound();
    if (post && !request.isPost())
        return methodNotAllowed(QByteArrayLiteral("POST"));
    if (!post && !request.isGet())
        return methodNotAllowed(QByteArrayLiteral("GET"));
    return openApi(request, endpoint);
}

HttpAnswer SandboxState::openApi(const HttpRequest& request, const QString& endpoint) {
    settle();
    const QString key = QString::fromUtf8(request.header(QByteArrayLiteral("API-KEY"))).trimmed();
    if (key.isEmpty() || !m_config.apiKeys.contains(key))
        return envelope(400012, errMessage(400012));
    const QByteArray trace = request.header(QByteArrayLiteral("Ai-trace-id")).trimmed().toLower();
    if (trace.isEmpty())
        return envelope(400011, QStringLiteral("The Ai-trace-id header is required"));
    if (!isUuid(trace))
        return envelope(400013, QStringLiteral("The Ai-trace-id header must be a UUID"));

    // The documented trap (§1.2): a reused trace id gets the earlier answer, whatever was asked.
    const QString cacheKey = key + QLatin1Char('\n') + QString::fromLatin1(trace);
    if (const HttpAnswer* cached = replayedAnswer(cacheKey)) {
        qCDebug(lcSandbox).noquote() << "replaying the answer of a reused trace id for" << endpoint;
        return *cached;
    }

    HttpAnswer answer;
    const bool post = request.isPost(); // uploads and creates: they change the state
    if (m_modes->handles(endpoint))
        answer = m_modes->answer(request, endpoint, key);
    else if (m_effects->handles(endpoint))
        answer = m_effects->answer(request, endpoint, key);
    else if (endpoint == QLatin1String("image/upload"))
        answer = upload(request, key);
    else if (endpoint == QLatin1String("video/text/generate"))
        answer = generate(request, key, false);
    else if (endpoint == QLatin1String("video/img/generate"))
        answer = generate(request, key, true);
    else if (endpoint == QLatin1String("account/balance"))
        answer = balance(key);
    else if (endpoint == QLatin1String("account/billing/usage-detail"))
        answer = usageDetail(request, key);
    else
        answer = result(endpoint.mid(QLatin1String("video/result/").size()), key);
    // The ledger is read, not changed: its answers need not outlive a restart.
    rememberAnswer(cacheKey, answer,
                   post && endpoint != QLatin1String("account/billing/usage-detail"));
    return answer;
}

namespace {

QString traceCacheKey(const QString& cacheKey) {
    return QString::fromLatin1(
        QCryptographicHash::hash(cacheKey.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace

const HttpAnswer* SandboxState::replayedAnswer(const QString& cacheKey) {
    const qint64 now = m_clock.nowMs();
    for (auto it = m_traceCache.begin(); it != m_traceCache.end();)
        it = it->expiresAt <= now ? m_traceCache.erase(it) : std::next(it);
    const auto cached = m_traceCache.constFind(traceCacheKey(cacheKey));
    if (cached == m_traceCache.cend())
        return nullptr;
    ++m_stats.replayedAnswers;
    return &cached->answer;
}

void SandboxState::rememberAnswer(const QString& cacheKey, const HttpAnswer& answer, bool durable) {
    m_traceCache.insert(traceCacheKey(cacheKey),
                        {answer,
                         m_clock.nowMs() + static_cast<qint64>(m_config.traceReplaySeconds) * 1000,
                         durable});
}

void SandboxState::persist(bool clockChanged) {
    if (m_store)
        m_store->save(*this, clockChanged);
}

std::variant<HttpAnswer, SandboxState::Accepted>
SandboxState::judge(GenerationRequest& r, ApiFamily family, QSize imageSize) const {
    const SandboxRules& rules = m_rules;
    if (const std::optional<Refusal> refusal = rules.refusal(r, family))
        return envelope(refusal->errCode, refusal->message);
    const QSize size = rules.fitOutput(r, family, imageSize);
    if (!size.isValid())
        return envelope(
            400017,
            QStringLiteral("The sandbox cannot make %1 %2 videos").arg(r.quality, r.aspectRatio));
    return Accepted{rules.price(r, family), size};
}

int SandboxState::drawOutcome(const QString& prompt) {
    if (!m_config.moderationWord.isEmpty() &&
        prompt.contains(m_config.moderationWord, Qt::CaseInsensitive))
        return 7;
    if (!m_config.failureWord.isEmpty() &&
        prompt.contains(m_config.failureWord, Qt::CaseInsensitive))
        return 8;
    if (!m_config.deletionWord.isEmpty() &&
        prompt.contains(m_config.deletionWord, Qt::CaseInsensitive))
        return 6;
    if (m_config.failureRate > 0 && m_rng.generateDouble() < m_config.failureRate)
        return 8;
    return 1;
}

HttpAnswer SandboxState::upload(const HttpRequest& request, const QString& key) {
    const auto parts =
        parseMultipart(request.header(QByteArrayLiteral("Content-Type")), request.body);
    if (!parts)
        return envelope(400013, QStringLiteral("The upload must be multipart/form-data"));
    const MultipartPart* image = nullptr;
    for (const MultipartPart& part : *parts) {
        if (part.name == "image") {
            image = &part;
            break;
        }
    }
    if (!image || image->data.isEmpty())
        return envelope(400011, QStringLiteral("The form field \"image\" is required"));
    const QByteArray& data = image->data;
    if (data.size() >= m_config.maxImageBytes)
        return envelope(500030, errMessage(500030));
    const QByteArray format = sniffImageFormat(data);
    if (!isAcceptedFormat(format)) {
        // Bytes that name no format but come as a PNG/JPEG/WebP are an unreadable image.
        if (format.isEmpty() && claimsAcceptedFormat(*image))
            return envelope(500031, errMessage(500031));
        return envelope(500032, errMessage(500032));
    }
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format);
    const QSize size = reader.size();
    if (size.width() < 0 || size.height() < 0)
        return envelope(500031, errMessage(500031));
    if (size.width() < 1 || size.height() < 1)
        return envelope(500033, errMessage(500033));
    if (size.width() > m_config.maxImageSide || size.height() > m_config.maxImageSide)
        return envelope(500030, errMessage(500030));
    if (reader.read().isNull())
        return envelope(500031, errMessage(500031));

    const qint64 id = nextId(m_lastImageId);
    m_images.insert(id, Image{key, data, format, size});
    ++m_stats.uploads;
    qCDebug(lcSandbox) << "image" << id << "stored:" << format << size;
    const QString ext = format == "jpeg" ? QStringLiteral("jpg") : QString::fromLatin1(format);
    return envelope(0, errMessage(0),
                    QJsonObject{{QStringLiteral("img_id"), QJsonValue(id)},
                                {QStringLiteral("img_url"),
                                 mediaUrl(QStringLiteral("/media/img/%1.%2").arg(id).arg(ext))}});
}

HttpAnswer SandboxState::generate(const HttpRequest& request, const QString& key,
                                  bool imageToVideo) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (!doc.isObject())
        return envelope(400013, QStringLiteral("The request body is not a JSON object"), {}, 400);
    const QJsonObject body = doc.object();
    // 1. Effect templates (§2.19; EffectRoutes). 0 is taken as none, as the web sends it.
    if (hasValue(body, "template_id") && body.value(u"template_id").toDouble() != 0)
        return m_effects->templateGenerate(body, key, imageToVideo);

    // 2. Types (400013) and required fields (400011), by the sandbox's own rules.
    auto read = m_rules.readBody(body, ApiFamily::OpenApi, imageToVideo);
    if (const auto* refusal = std::get_if<Refusal>(&read))
        return envelope(refusal->errCode, refusal->message);
    GenerationRequest& r = std::get<GenerationRequest>(read);

    // 3. The image belongs to this key.
    const Image* image = nullptr;
    if (imageToVideo) {
        const auto id = exactInteger(body.value(u"img_id"));
        const auto found = id ? m_images.constFind(*id) : m_images.cend();
        if (found == m_images.cend() || found->owner != key)
            return envelope(400032, errMessage(400032));
        image = &*found;
    }

    // 4. The parameter rules and the price (§2.11, §2.9).
    const auto verdict = judge(r, ApiFamily::OpenApi, image ? image->size : QSize());
    if (const auto* refusal = std::get_if<HttpAnswer>(&verdict))
        return *refusal;
    const auto [cost, size] = std::get<Accepted>(verdict);

    // 5. Credits, then the concurrency limit, then the video.
    return createVideo(key, NewVideo{r, cost, size, r.audio, 1, 0});
}

HttpAnswer SandboxState::createVideo(const QString& key, const NewVideo& made) {
    const GenerationRequest& r = made.request;
    Account& acc = account(key);
    if (acc.monthly + acc.package < made.cost)
        return envelope(500090, errMessage(500090));
    if (generatingCount(key) >= m_config.concurrencyLimit)
        return envelope(500044, errMessage(500044));

    Video video;
    video.id = nextId(m_lastVideoId);
    video.owner = key;
    video.request = r;
    video.seed = r.seed ? *r.seed : static_cast<qint64>(m_rng.bounded(2147483647U));
    video.size = made.size;
    video.createdAt = m_clock.nowMs();
    video.finishAt = video.createdAt + m_config.generationMs;
    // What is moderated: the prompt, or what a sound effect or a voice is told.
    video.outcome = drawOutcome(r.prompt + QLatin1Char('\n') + r.speechText);
    video.hasAudio = made.hasAudio; // judged: only a model with audio takes the switch
    video.clipSeconds = made.clipSeconds;
    video.seconds = made.seconds > 0 ? made.seconds : r.duration;
    video.chargedMonthly = std::min<qint64>(acc.monthly, made.cost);
    video.chargedPackage = made.cost - video.chargedMonthly;
    acc.monthly -= video.chargedMonthly;
    acc.package -= video.chargedPackage;
    video.cost = made.cost;
    m_videos.insert(video.id, video);
    ++m_stats.generationsCreated;
    qCDebug(lcSandbox) << "video" << video.id << "created:" << generationModeId(r.mode) << r.model
                       << r.quality << made.size << video.clipSeconds << "s clip, ends in status"
                       << video.outcome;
    // The answer may carry the credits charged (§2.2: the API export, ComfyUI's response model).
    return envelope(0, errMessage(0),
                    QJsonObject{{QStringLiteral("video_id"), QJsonValue(video.id)},
                                {QStringLiteral("credits"), QJsonValue(made.cost)}});
}

HttpAnswer SandboxState::result(const QString& idText, const QString& key) {
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok)
        return envelope(400013, QStringLiteral("The video id must be an integer"));
    const auto found = m_videos.constFind(id);
    if (found == m_videos.cend() || found->owner != key)
        return envelope(500008, errMessage(500008));
    const Video& v = *found;
    const int st = status(v);
    const bool done = st == 1;
    const qint64 fileSize = done ? clip(v.size, v.hasAudio, v.clipSeconds).size() : 0;
    return envelope(
        0, errMessage(0),
        QJsonObject{
            {QStringLiteral("id"), QJsonValue(v.id)},
            {QStringLiteral("status"), st},
            {QStringLiteral("url"),
             done ? mediaUrl(QStringLiteral("/media/video/%1.mp4").arg(v.id)) : QString()},
            {QStringLiteral("prompt"), v.request.prompt},
            {QStringLiteral("negative_prompt"), v.request.negativePrompt},
            {QStringLiteral("seed"), QJsonValue(v.seed)},
            {QStringLiteral("style"), v.request.style},
            {QStringLiteral("size"), QJsonValue(fileSize)},
            {QStringLiteral("outputWidth"), v.size.width()},
            {QStringLiteral("outputHeight"), v.size.height()},
            {QStringLiteral("resolution_ratio"), qualityShortSide(v.request.quality)},
            // §2.4 (optional fields): whether the MP4 has sound, and what the job cost.
            {QStringLiteral("has_audio"), v.hasAudio},
            {QStringLiteral("credits"), QJsonValue(credits(v))},
            {QStringLiteral("create_time"), isoTime(v.createdAt)},
            {QStringLiteral("modify_time"), isoTime(st == 5 ? v.createdAt : v.finishAt)},
            {QStringLiteral("cover_url"),
             done ? mediaUrl(QStringLiteral("/media/video/%1.png").arg(v.id)) : QString()},
        });
}

HttpAnswer SandboxState::balance(const QString& key) {
    const Account& acc = account(key);
    return envelope(0, errMessage(0),
                    QJsonObject{{QStringLiteral("account_id"), QJsonValue(acc.id)},
                                {QStringLiteral("credit_monthly"), QJsonValue(acc.monthly)},
                                {QStringLiteral("credit_package"), QJsonValue(acc.package)}});
}

HttpAnswer SandboxState::media(const HttpRequest& request) {
    if (!request.isGet() && !request.isHead())
        return methodNotAllowed(QByteArrayLiteral("GET, HEAD"));
    const QString path = request.path;
    const QString name = path.section(QLatin1Char('/'), -1);
    const QString stem = name.section(QLatin1Char('.'), 0, 0);
    const QString ext = name.section(QLatin1Char('.'), 1);
    bool ok = false;
    const qint64 id = stem.toLongLong(&ok);
    const bool isVideo = path.startsWith(QLatin1String("/media/video/"));
    if (isVideo && ext == QLatin1String("mp4"))
        ++m_stats.mediaRequests;
    // Web uploads keep their object key: /media/upload/<uuid>.<ext> (a slash sent as %2F too).
    const QString uploadKey = request.decodedPath.mid(QLatin1String("/media/").size());
    const bool isUpload = uploadKey.startsWith(QLatin1String("upload/"));
    if (!ok && !isUpload)
        return notFound();

    QByteArray bytes;
    QByteArray contentType;
    if (isUpload) {
        if (const ObjectStore::Object* object = m_web->objectStore().object(uploadKey)) {
            bytes = object->bytes;
            contentType = object->contentType.isEmpty()
                              ? QByteArrayLiteral("application/octet-stream")
                              : object->contentType;
        }
    } else if (isVideo) {
        const auto found = m_videos.constFind(id);
        if (found == m_videos.cend() || status(*found) != 1)
            return notFound();
        if (ext == QLatin1String("mp4")) {
            bytes = clip(found->size, found->hasAudio, found->clipSeconds);
            contentType = QByteArrayLiteral("video/mp4");
        } else if (ext == QLatin1String("png")) {
            bytes = cover(found->size);
            contentType = QByteArrayLiteral("image/png");
        }
    } else if (path.startsWith(QLatin1String("/media/template/"))) {
        ++m_stats.previewRequests;
        bytes = m_effects->previewBytes(id, ext, &contentType);
    } else if (path.startsWith(QLatin1String("/media/file/"))) {
        bytes = m_modes->uploadedBytes(id, &contentType);
    } else if (path.startsWith(QLatin1String("/media/img/"))) {
        const auto found = m_images.constFind(id);
        if (found != m_images.cend()) {
            bytes = found->bytes;
            contentType = QByteArray("image/" + found->format);
        }
    }
    if (bytes.isEmpty())
        return notFound();

    const qint64 size = bytes.size();
    HttpAnswer a;
    a.headOnly = request.isHead();
    a.headers << qMakePair(QByteArrayLiteral("Content-Type"), contentType)
              << qMakePair(QByteArrayLiteral("Accept-Ranges"), QByteArrayLiteral("bytes"));
    // One byte range (RFC 9110 §14), so an interrupted download resumes; anything else → the whole
    // file.
    const QByteArray range = request.header(QByteArrayLiteral("Range")).trimmed();
    if (range.startsWith("bytes=") && !range.contains(',')) {
        const QByteArray spec = range.mid(6).trimmed();
        const qsizetype dash = spec.indexOf('-');
        const QByteArray startText = spec.left(dash).trimmed();
        const QByteArray endText = spec.mid(dash + 1).trimmed();
        bool okStart = false;
        bool okEnd = false;
        qint64 start = startText.toLongLong(&okStart);
        qint64 end = endText.toLongLong(&okEnd);
        bool valid = dash >= 0;
        if (valid && startText.isEmpty()) { // the last N bytes
            valid = okEnd && end > 0;
            start = std::max<qint64>(0, size - end);
            end = size - 1;
        } else if (valid) {
            valid = okStart && start >= 0 && (endText.isEmpty() || (okEnd && end >= start));
            if (endText.isEmpty() || end >= size)
                end = size - 1;
        }
        if (valid && start >= size)
            valid = false;
        if (!valid) {
            HttpAnswer refused = plainAnswer(416, QByteArrayLiteral("Range Not Satisfiable"),
                                             {{QByteArrayLiteral("Content-Range"),
                                               QByteArray("bytes */" + QByteArray::number(size))}});
            return refused;
        }
        a.status = 206;
        a.headers << qMakePair(QByteArrayLiteral("Content-Range"),
                               QByteArray("bytes " + QByteArray::number(start) + '-' +
                                          QByteArray::number(end) + '/' +
                                          QByteArray::number(size)));
        a.body = bytes.mid(start, end - start + 1);
        return a;
    }
    a.body = bytes;
    return a;
}

HttpAnswer SandboxState::statsAnswer() {
    const SandboxStats s = stats();
    return jsonAnswer(QJsonObject{
        {QStringLiteral("requests"), QJsonValue(s.requests)},
        {QStringLiteral("uploads"), QJsonValue(s.uploads)},
        {QStringLiteral("mediaUploads"), QJsonValue(s.mediaUploads)},
        {QStringLiteral("generationsCreated"), QJsonValue(s.generationsCreated)},
        {QStringLiteral("replayedAnswers"), QJsonValue(s.replayedAnswers)},
        {QStringLiteral("mediaRequests"), QJsonValue(s.mediaRequests)},
        {QStringLiteral("templateListCalls"), QJsonValue(s.templateListCalls)},
        {QStringLiteral("previewRequests"), QJsonValue(s.previewRequests)},
        {QStringLiteral("generating"), s.generating},
        {QStringLiteral("webLogins"), QJsonValue(s.webLogins)},
        {QStringLiteral("objectStorePuts"), QJsonValue(s.objectStorePuts)},
        {QStringLiteral("listCalls"), QJsonValue(s.listCalls)},
        {QStringLiteral("stalledAnswersDropped"), QJsonValue(s.stalledAnswersDropped)},
        {QStringLiteral("clockMs"), QJsonValue(m_clock.nowMs())},
        {QStringLiteral("clockSpeed"), m_clock.speed()},
    });
}

namespace {

//! RFC 7396 JSON merge patch: a null removes the key, an object merges, anything else replaces.
QJsonObject mergePatch(QJsonObject target, const QJsonObject& patch) {
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it->isNull())
            target.remove(it.key());
        else if (it->isObject())
            target.insert(it.key(), mergePatch(target.value(it.key()).toObject(), it->toObject()));
        else
            target.insert(it.key(), *it);
    }
    return target;
}

} // namespace

HttpAnswer SandboxState::spoiledAnswer(const SandboxFault& fault, HttpAnswer answer) const {
    if (fault.kind == SandboxFault::Kind::TruncateJson) {
        qCInfo(lcSandbox) << "fault: sending the first half of an answer as if it were all";
        answer.body = answer.body.left(answer.body.size() / 2);
    } else if (fault.kind == SandboxFault::Kind::PatchResp) {
        const QJsonDocument doc = QJsonDocument::fromJson(answer.body);
        if (doc.isObject() && doc.object().contains(QLatin1String("Resp"))) {
            QJsonObject envelope = doc.object();
            envelope.insert(
                QStringLiteral("Resp"),
                mergePatch(envelope.value(QLatin1String("Resp")).toObject(), fault.respPatch));
            answer.body = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
            qCInfo(lcSandbox).noquote() << "fault: answering with a changed Resp:" << answer.body;
        }
    }
    return answer;
}

HttpAnswer SandboxState::faultAnswer(const SandboxFault& fault) const {
    switch (fault.kind) {
    case SandboxFault::Kind::ServiceError:
        return envelope(fault.errCode, errMessage(fault.errCode));
    case SandboxFault::Kind::MalformedJson: {
        HttpAnswer a;
        a.headers << qMakePair(QByteArrayLiteral("Content-Type"), kJson);
        a.body = QByteArrayLiteral(
            "{\"ErrCode\":0,\"ErrMsg\":\"success\",\"Resp\":{\"video_id\":<html>");
        return a;
    }
    case SandboxFault::Kind::HttpStatus:
    default: {
        HttpAnswer a;
        a.status = fault.httpStatus;
        const QByteArray title =
            QByteArray::number(fault.httpStatus) + ' ' + reasonPhrase(fault.httpStatus);
        a.headers << qMakePair(QByteArrayLiteral("Content-Type"),
                               QByteArrayLiteral("text/html; charset=utf-8"));
        if (fault.httpStatus == 429 || fault.httpStatus == 503)
            a.headers << qMakePair(QByteArrayLiteral("Retry-After"),
                                   QByteArray::number(fault.retryAfterSeconds));
        a.body = "<html><head><title>" + title + "</title></head><body><h1>" + title +
                 "</h1></body></html>\n";
        return a;
    }
    }
}

std::optional<SandboxFault> SandboxState::takeFault(const QString& path) {
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        SandboxFault& fault = m_faults[i];
        if (!fault.pathContains.isEmpty() && !path.contains(fault.pathContains))
            continue;
        const SandboxFault taken = fault;
        if (fault.count > 0 && --fault.count == 0)
            m_faults.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

void SandboxState::settle() {
    const qint64 now = m_clock.nowMs();
    for (Video& v : m_videos) {
        if (v.settled || v.finishAt > now)
            continue;
        v.settled = true;
        // Moderation: credits come back (§2.6), each to where it came from; a failure too
        // where the config says so (issue 19).
        if (v.outcome == 7 || (v.outcome == 8 && m_config.refundFailed)) {
            Account& acc = account(v.owner);
            acc.daily += v.chargedDaily;
            acc.monthly += v.chargedMonthly;
            acc.package += v.chargedPackage;
            v.refunded = credits(v) > 0;
            v.chargedDaily = v.chargedMonthly = v.chargedPackage = 0;
        }
        qCDebug(lcSandbox) << "video" << v.id << "finished with status" << v.outcome;
    }
}

SandboxState::Account& SandboxState::account(const QString& key) {
    auto it = m_accounts.find(key);
    if (it == m_accounts.end()) {
        const qint64 daily = webAccountEmail(key) == key ? m_config.creditDaily : 0;
        it = m_accounts.insert(key, Account{nextId(m_lastAccountId), daily, m_config.creditMonthly,
                                            m_config.creditPackage});
    }
    return *it;
}

QString SandboxState::webAccountEmail(const QString& email) const {
    const QString wanted = email.trimmed();
    if (wanted.isEmpty())
        return {};
    for (const auto& account : m_config.webAccounts) {
        if (account.first.compare(wanted, Qt::CaseInsensitive) == 0)
            return account.first;
    }
    return {};
}

int SandboxState::generatingCount(const QString& key) const {
    const qint64 now = m_clock.nowMs();
    int count = 0;
    for (const Video& v : m_videos) {
        if ((key.isEmpty() || v.owner == key) && now < v.finishAt)
            ++count;
    }
    return count;
}

int SandboxState::status(const Video& video) const {
    const qint64 now = m_clock.nowMs();
    if (now >= video.finishAt)
        return video.outcome;
    if (!video.web)
        return 5;
    // Web: WAITING for the first fifth of the generation time, then PROCESSING (§3.7).
    return now < video.createdAt + (video.finishAt - video.createdAt) / 5 ? 5 : 10;
}

qint64 SandboxState::credits(const Video& video) {
    return video.chargedDaily + video.chargedMonthly + video.chargedPackage;
}

QString SandboxState::isoTime(qint64 sandboxMs) const {
    return m_epoch.addMSecs(sandboxMs).toString(Qt::ISODate);
}

QString SandboxState::mediaUrl(const QString& path) const {
    return baseUrl().toString() + path;
}

QByteArray SandboxState::clip(QSize size, bool withAudio, int seconds) {
    for (int s = std::max(seconds, 1); s >= 1; --s) {
        const QString name = clipFileName(size, withAudio, s);
        auto it = m_clipBytes.constFind(name);
        if (it != m_clipBytes.cend())
            return *it;
        QFile file(QDir(m_clipsDir).filePath(name));
        if (m_clipsDir.isEmpty() || !file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        m_clipBytes.insert(name, bytes);
        return bytes;
    }
    qCWarning(lcSandbox).noquote()
        << "no sample clip" << clipFileName(size, withAudio, seconds) << "in" << m_clipsDir;
    return {};
}

QByteArray SandboxState::cover(QSize size) {
    const QString name = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
    auto it = m_coverBytes.constFind(name);
    if (it != m_coverBytes.cend())
        return *it;
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(0x3a, 0x2f, 0x8f));
    // A lighter band in the middle third, so the thumbnail is not a flat colour.
    const QRgb band = qRgb(0x8f, 0x7a, 0xf0);
    for (int y = size.height() / 3; y < 2 * size.height() / 3; ++y) {
        QRgb* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        std::fill(line, line + size.width(), band);
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    m_coverBytes.insert(name, png);
    return png;
}

QSize SandboxState::accountVideoSize(const SandboxAccountVideos& videos) const {
    GenerationRequest r;
    r.model = videos.model;
    r.quality = videos.quality;
    r.aspectRatio = videos.aspectRatio;
    const QSize size = m_rules.fitOutput(r, ApiFamily::Web);
    return size.isValid() ? size : outputSize(videos.quality, videos.aspectRatio);
}

QList<GenerationRequest> SandboxState::createdRequests() const {
    QList<qint64> ids = m_videos.keys();
    std::sort(ids.begin(), ids.end()); // ids only grow (nextId)
    QList<GenerationRequest> requests;
    for (const qint64 id : ids)
        requests.append(m_videos.value(id).request);
    return requests;
}

bool SandboxState::deleteVideo(qint64 videoId) {
    settle(); // a refund due before the deletion still happens
    const auto found = m_videos.find(videoId);
    if (found == m_videos.end())
        return false;
    found->outcome = 6;
    // A video still generating ends now (its slot is free); a finished one keeps its time.
    found->finishAt = std::min(found->finishAt, m_clock.nowMs());
    found->settled = true; // nothing to refund: a deletion keeps the credits spent
    qCDebug(lcSandbox) << "video" << videoId << "deleted";
    persist();
    return true;
}

qint64 SandboxState::nextId(qint64& last) {
    last += 1 + static_cast<qint64>(m_rng.bounded(997U));
    return last;
}

SandboxStats SandboxState::stats() {
    settle();
    SandboxStats s = m_stats;
    s.generating = generatingCount({});
    return s;
}

void SandboxState::setClockSpeed(double factor) {
    if (factor > 0)
        m_clock.setSpeed(factor);
    persist(true);
}

void SandboxState::advanceClock(qint64 ms) {
    if (ms > 0)
        m_clock.advance(ms);
    settle();
    persist(true);
}

void SandboxState::injectFault(const SandboxFault& fault) {
    if (fault.count != 0)
        m_faults << fault;
}

void SandboxState::setCredits(const QString& key, qint64 daily, qint64 monthly, qint64 package) {
    const QString email = webAccountEmail(key);
    Account& acc = account(email.isEmpty() ? key : email);
    acc.daily = daily;
    acc.monthly = monthly;
    acc.package = package;
    persist();
}

void SandboxState::endWebSession(const QString& email, bool elsewhere) {
    m_web->endSession(email, elsewhere);
    persist();
}

QList<qint64> SandboxState::addAccountVideos(const SandboxAccountVideos& videos) {
    const QString owner = webAccountEmail(videos.email);
    const QSize size = accountVideoSize(videos);
    if (owner.isEmpty() || !size.isValid())
        return {};
    const bool audio = videos.audio && m_rules.makesAudio(videos.model, ApiFamily::Web);
    settle();
    const qint64 now = m_clock.nowMs();
    const bool generating = videos.status == 5 || videos.status == 10;
    QList<qint64> ids;
    for (int i = 0; i < videos.count; ++i) {
        Video video;
        video.id = nextId(m_lastVideoId);
        video.owner = owner;
        video.web = true;
        GenerationRequest& r = video.request;
        r.prompt =
            videos.prompt.contains(QLatin1String("%1")) ? videos.prompt.arg(i + 1) : videos.prompt;
        r.negativePrompt = videos.negativePrompt;
        r.model = videos.model;
        r.quality = videos.quality;
        r.duration = videos.duration;
        r.aspectRatio = videos.aspectRatio;
        r.motionMode = videos.motionMode;
        r.audio = audio;
        video.hasAudio = audio;
        video.seed =
            videos.seed >= 0 ? videos.seed : static_cast<qint64>(m_rng.bounded(2147483647U));
        r.seed = video.seed;
        video.size = size;
        if (generating) {
            video.createdAt = now;
            video.finishAt = now + m_config.generationMs;
            video.outcome = 1;
        } else {
            // Made one second apart, the last one second ago at the latest.
            video.createdAt =
                now - videos.ageMs - static_cast<qint64>(videos.count - 1 - i) * 1000 - 1000;
            video.finishAt = video.createdAt;
            video.outcome = videos.status;
            video.settled = true; // nothing was charged, so nothing to refund
        }
        m_videos.insert(video.id, video);
        ids << video.id;
    }
    qCDebug(lcSandbox) << ids.size() << "videos put on the account" << owner << "with status"
                       << videos.status;
    persist();
    return ids;
}

} // namespace pixverse::sandbox
