#include "core/api/ApiClient.h"

#include "core/api/Transfer.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace pixverse {

namespace json {

std::optional<qint64> toId(const QJsonValue& value) {
    if (value.isString()) {
        bool ok = false;
        const qint64 id = value.toString().trimmed().toLongLong(&ok);
        return ok ? std::optional<qint64>(id) : std::nullopt;
    }
    if (!value.isDouble())
        return std::nullopt;
    // Qt 6 keeps integers that fit in 64 bits as integers, so toInteger() loses no digit;
    // a value that really is fractional is not an id.
    const qint64 id = value.toInteger(-1);
    if (id == -1 && value.toDouble() != -1.0)
        return std::nullopt;
    return id;
}

std::optional<qint64> toInt(const QJsonValue& value) {
    if (value.isDouble()) {
        // A whole number (also 10.0) counts; 10.5 is not an integer field.
        const qint64 i = value.toInteger(0);
        if (i == 0 && value.toDouble() != 0.0)
            return std::nullopt;
        return i;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 i = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            return i;
    }
    if (value.isBool())
        return value.toBool() ? 1 : 0;
    return std::nullopt;
}

std::optional<bool> toBool(const QJsonValue& value) {
    if (value.isBool())
        return value.toBool();
    const QString text = value.isString() ? value.toString().trimmed().toLower() : QString();
    if (text == QLatin1String("true"))
        return true;
    if (text == QLatin1String("false"))
        return false;
    const std::optional<qint64> number = toInt(value);
    if (number && (*number == 0 || *number == 1))
        return *number == 1;
    return std::nullopt;
}

QString toString(const QJsonValue& value) {
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

std::optional<Balance> toBalance(const QJsonValue& resp) {
    const QJsonObject object = resp.toObject();
    const auto daily = toInt(object.value(u"credit_daily"));
    const auto monthly = toInt(object.value(u"credit_monthly"));
    const auto package = toInt(object.value(u"credit_package"));
    if (!daily && !monthly && !package)
        return std::nullopt;
    Balance balance;
    balance.accountId = toId(object.value(u"account_id")).value_or(0);
    balance.daily = daily.value_or(0);
    balance.monthly = monthly.value_or(0);
    balance.package = package.value_or(0);
    return balance;
}

} // namespace json

namespace {

const char* verbName(ApiRequest::Verb verb) {
    switch (verb) {
    case ApiRequest::Verb::Get:
        return "GET";
    case ApiRequest::Verb::Post:
        return "POST";
    case ApiRequest::Verb::Put:
        return "PUT";
    }
    return "?";
}

//! `form-data; name="image"; filename="cat.png"`, with nothing that could end the quoted name.
QByteArray dispositionOf(const ApiRequest::FilePart& part) {
    QByteArray safeName = part.fileName.toUtf8();
    safeName.replace('"', '_').replace('\r', '_').replace('\n', '_');
    return "form-data; name=\"" + part.field + "\"; filename=\"" + safeName + '"';
}

} // namespace

//! One request (JSON, multipart upload or object-store PUT) through all of its attempts.
class ApiClient::Call : public Transfer {
public:
    Call(ApiClient* client, ApiRequest request, QObject* context,
         std::function<void(ApiReply)> done, Progress progress)
        : Transfer(client, context, request.logName, request.timeoutMs)
        , m_request(std::move(request))
        , m_done(std::move(done))
        , m_progress(std::move(progress)) {
        if (m_request.traceId.isEmpty() && m_request.sameTraceIdOnRetry)
            m_request.traceId = ApiClient::newTraceId();
    }

private:
    bool absolute() const { return m_request.url.isValid(); }

    QUrl targetUrl() const {
        if (absolute())
            return m_request.url;
        QUrl url = client()->m_baseUrl;
        QString basePath = url.path();
        if (!basePath.endsWith(u'/'))
            basePath += u'/';
        const qsizetype query = m_request.path.indexOf(u'?');
        url.setPath(basePath + (query < 0 ? m_request.path : m_request.path.left(query)));
        if (query >= 0)
            url.setQuery(m_request.path.mid(query + 1));
        return url;
    }

    QNetworkRequest networkRequest() {
        // A create keeps its trace id so that a resend the service already saw is answered with
        // the same video. After a definite business answer (500069...) nothing was created and
        // the service would replay that answer for the old id, so a new one is due.
        if (m_request.sameTraceIdOnRetry && m_lastWasServiceAnswer)
            m_request.traceId = ApiClient::newTraceId();
        m_traceId =
            m_request.sameTraceIdOnRetry || (attempts() == 1 && !m_request.traceId.isEmpty())
                ? m_request.traceId
                : ApiClient::newTraceId();
        QNetworkRequest request(targetUrl());
        if (!absolute()) {
            request.setRawHeader("Ai-trace-id", m_traceId.toLatin1());
            request.setRawHeader("Accept", "application/json");
            const ApiClient* c = client();
            if (!c->m_credentialHeader.isEmpty() && !c->m_credential.isEmpty())
                request.setRawHeader(c->m_credentialHeader, c->m_credential);
            for (const auto& [name, value] : std::as_const(c->m_extraHeaders))
                request.setRawHeader(name, value);
        }
        for (const auto& [name, value] : std::as_const(m_request.headers))
            request.setRawHeader(name, value);
        if (!m_request.contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, m_request.contentType);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        return request;
    }

    //! The file behind the body, opened afresh for each attempt; `owner` (or, later, the reply)
    //! deletes it.
    QFile* openBodyFile(const QString& path, QObject* owner, ApiError* problem) {
        auto* file = new QFile(path, owner);
        if (!file->open(QIODevice::ReadOnly)) {
            *problem = ApiError::input(
                QCoreApplication::translate("pixverse::ApiClient", "Cannot read “%1”: %2.")
                    .arg(path, file->errorString()));
            delete file;
            return nullptr;
        }
        m_bodySize = file->size();
        return file;
    }

    QNetworkReply* sendAttempt(ApiError* problem) override {
        QNetworkReply* reply = sendOnce(problem);
        if (!reply) { // refused before sending: the file behind the body cannot be read
            m_result = ApiReply{};
            m_result.error = *problem;
            m_result.attempts = attempts();
        }
        return reply;
    }

    QNetworkReply* sendOnce(ApiError* problem) {
        QNetworkAccessManager* network = client()->m_network;
        QNetworkRequest request = networkRequest();
        m_bodySize = m_request.body.size();
        QNetworkReply* reply = nullptr;
        if (m_request.filePart) {
            auto* multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
            QFile* file = openBodyFile(m_request.filePart->filePath, multipart, problem);
            if (!file) {
                delete multipart;
                return nullptr;
            }
            QHttpPart part;
            part.setRawHeader("Content-Disposition", dispositionOf(*m_request.filePart));
            part.setHeader(QNetworkRequest::ContentTypeHeader, m_request.filePart->mimeType);
            part.setBodyDevice(file);
            multipart->append(part);
            reply = network->post(request, multipart);
            multipart->setParent(reply);
        } else if (!m_request.bodyFile.isEmpty()) {
            QFile* file = openBodyFile(m_request.bodyFile, nullptr, problem);
            if (!file)
                return nullptr;
            reply = m_request.verb == ApiRequest::Verb::Put ? network->put(request, file)
                                                            : network->post(request, file);
            file->setParent(reply);
        } else if (m_request.verb == ApiRequest::Verb::Get) {
            reply = network->get(request);
        } else {
            reply = m_request.verb == ApiRequest::Verb::Put
                        ? network->put(request, m_request.body)
                        : network->post(request, m_request.body);
        }
        connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
            if (m_progress && callerAlive())
                m_progress(sent, total);
        });
        m_tooLarge = false;
        if (m_request.maxBodyBytes > 0) {
            connect(reply, &QNetworkReply::downloadProgress, this,
                    [this, reply](qint64 received, qint64 total) {
                        if (received > m_request.maxBodyBytes || total > m_request.maxBodyBytes) {
                            m_tooLarge = true;
                            reply->abort();
                        }
                    });
        }
        return reply;
    }

    ApiError judge(QNetworkReply* reply, const ApiError& transport) override {
        ApiReply& result = m_result;
        result = ApiReply{};
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (m_tooLarge) {
            result.error = ApiError::malformed(
                QStringLiteral("the answer is over %1 bytes").arg(m_request.maxBodyBytes));
        } else if (transport.isError()) {
            result.error = transport;
        } else if (!m_request.envelope) {
            result.body = reply->readAll();
            if (status < 200 || status >= 300)
                result.error = httpError(reply, status);
        } else {
            result = ApiClient::parseEnvelope(status, reply->readAll());
            if (result.error.kind() == ApiError::Kind::Http)
                result.error = httpError(reply, status);
        }
        result.httpStatus = status;
        result.traceId = m_traceId;
        result.attempts = attempts();
        // Qt throttles upload progress to one signal per 100 ms, so a fast upload may report
        // nothing: say once that every byte went out.
        if (status > 0 && m_progress && m_bodySize > 0 && callerAlive())
            m_progress(m_bodySize, m_bodySize);
        m_lastWasServiceAnswer = result.error.kind() == ApiError::Kind::Service;
        return result.error;
    }

    // A body garbled on its way (cut short with complete headers, a proxy's page with a 200) is
    // the transport's fault, not the service's word: sent again like a broken connection. A
    // create keeps its trace id for it, so a resend is replayed, never made twice. An answer
    // abandoned for its size is not sent again: it would only be as large once more.
    bool worthRetrying(const ApiError& error) const override {
        return error.isRetryable() ||
               (error.kind() == ApiError::Kind::MalformedReply && !m_tooLarge);
    }

    void deliver(const ApiError&) override { m_done(m_result); }

    QString describeAttempt() const override {
        // An absolute URL is the object store's: its path names the object, no secret.
        return QString::fromLatin1(verbName(m_request.verb)) + u' ' +
               (absolute() ? m_request.url.path() : m_request.path) + u" trace " + m_traceId;
    }

    ApiRequest m_request;
    std::function<void(ApiReply)> m_done;
    Progress m_progress;
    ApiReply m_result;
    QString m_traceId;
    qint64 m_bodySize = 0;
    bool m_lastWasServiceAnswer = false;
    bool m_tooLarge = false; //!< over maxBodyBytes: aborted on purpose
};

ApiClient::ApiClient(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_network(network) {
    Q_ASSERT(network);
}

ApiClient::~ApiClient() = default;

bool ApiClient::isLoopback(const QUrl& url) {
    const QString host = url.host();
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

ApiError ApiClient::checkBaseUrl(const QUrl& url) {
    if (!url.isValid() || url.host().isEmpty())
        return ApiError::input(
            QCoreApplication::translate("pixverse::ApiError", "“%1” is not a valid server address.")
                .arg(url.toString()));
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return {};
    if (scheme == u"http" && isLoopback(url))
        return {};
    return ApiError::insecureUrl(url.toString(QUrl::RemoveUserInfo));
}

ApiError ApiClient::setBaseUrl(const QUrl& url) {
    ApiError problem = checkBaseUrl(url);
    if (!problem.isError())
        m_baseUrl = url;
    return problem;
}

void ApiClient::setCredential(const QByteArray& headerName, const QString& secret) {
    m_credentialHeader = headerName;
    m_credential = secret.toUtf8();
}

void ApiClient::clearCredential() {
    m_credential.fill('\0');
    m_credential.clear();
}

void ApiClient::setExtraHeaders(const QList<QPair<QByteArray, QByteArray>>& headers) {
    m_extraHeaders = headers;
}

void ApiClient::answerSoon(QObject* context, std::function<void()> answer) {
    // Still asynchronous, so callers never see their callback run inside the call itself.
    QPointer<QObject> guard(context);
    QTimer::singleShot(0, this,
                       [guard, hasContext = context != nullptr, answer = std::move(answer)] {
                           if (!hasContext || guard)
                               answer();
                       });
}

RequestHandle ApiClient::send(ApiRequest request, QObject* context,
                              std::function<void(ApiReply)> done, Progress uploadProgress) {
    if (request.logName.isEmpty())
        request.logName = request.url.isValid() ? request.url.path() : request.path;
    const ApiError urlProblem = checkBaseUrl(request.url.isValid() ? request.url : m_baseUrl);
    if (urlProblem.isError()) {
        answerSoon(context, [done = std::move(done), urlProblem] {
            ApiReply reply;
            reply.error = urlProblem;
            done(reply);
        });
        return {};
    }
    auto* call =
        new Call(this, std::move(request), context, std::move(done), std::move(uploadProgress));
    return call->start();
}

ApiReply ApiClient::parseEnvelope(int httpStatus, const QByteArray& body) {
    ApiReply reply;
    reply.httpStatus = httpStatus;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const bool isEnvelope = parseError.error == QJsonParseError::NoError && document.isObject() &&
                            document.object().contains(u"ErrCode");
    const bool httpFailed = httpStatus >= 400 || httpStatus < 200;
    if (!isEnvelope) {
        reply.error = httpFailed
                          ? ApiError::http(httpStatus)
                          : ApiError::malformed(parseError.error != QJsonParseError::NoError
                                                    ? parseError.errorString()
                                                    : QStringLiteral("no ErrCode in the reply"));
        return reply;
    }
    const QJsonObject envelope = document.object();
    const std::optional<qint64> code = json::toInt(envelope.value(u"ErrCode"));
    if (!code) {
        reply.error = httpFailed ? ApiError::http(httpStatus)
                                 : ApiError::malformed(QStringLiteral("ErrCode is not a number"));
        return reply;
    }
    // Rate limits and server faults stay HTTP errors so they are retried, even with an envelope.
    if (httpStatus == 429 || httpStatus >= 500) {
        reply.error = ApiError::http(httpStatus, envelope.value(u"ErrMsg").toString());
        return reply;
    }
    if (*code != 0) {
        reply.error = ApiError::service(*code, envelope.value(u"ErrMsg").toString(), httpStatus);
        return reply;
    }
    if (httpFailed) {
        reply.error = ApiError::http(httpStatus);
        return reply;
    }
    reply.resp = envelope.value(u"Resp");
    return reply;
}

void ApiRequest::setJsonBody(const QJsonObject& json) {
    verb = Verb::Post;
    body = QJsonDocument(json).toJson(QJsonDocument::Compact);
    contentType = "application/json";
}

PlannedCall plannedCall(const ApiRequest& request, const QString& description) {
    PlannedCall call;
    switch (request.verb) {
    case ApiRequest::Verb::Get:
        call.verb = QStringLiteral("GET");
        break;
    case ApiRequest::Verb::Post:
        call.verb = QStringLiteral("POST");
        break;
    case ApiRequest::Verb::Put:
        call.verb = QStringLiteral("PUT");
        break;
    }
    call.path = request.url.isEmpty() ? request.path : request.url.toString();
    if (!request.body.isEmpty())
        call.body = QJsonDocument::fromJson(request.body).object();
    call.description = description;
    return call;
}

QString ApiClient::newTraceId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace pixverse
