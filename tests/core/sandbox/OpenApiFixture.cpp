#include "tests/core/sandbox/OpenApiFixture.h"

#include <QBuffer>
#include <QColor>
#include <QHttpMultiPart>
#include <QImage>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

namespace pixverse::test {

QByteArray pngBytes(QSize size) {
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(200, 120, 40));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QJsonObject with(QJsonObject body, const QJsonObject& changes) {
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.value().isNull())
            body.remove(it.key());
        else
            body.insert(it.key(), it.value());
    }
    return body;
}

void OpenApiFixture::setUpNetwork() {
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
}

void OpenApiFixture::tearDown() {
    m_server.reset();
    m_nam.reset();
}

void OpenApiFixture::startServer(sandbox::SandboxConfig config) {
    m_server.reset();
    config.apiKeys << QStringLiteral("sk-other");
    config.creditMonthly = 100000;
    m_server = std::make_unique<sandbox::SandboxServer>(std::move(config));
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_key = m_server->defaultApiKey();
}

QNetworkRequest OpenApiFixture::request(const QString& pathOrUrl, const QString& key) const {
    QNetworkRequest r(pathOrUrl.startsWith(QLatin1String("http"))
                          ? QUrl(pathOrUrl)
                          : QUrl(m_server->baseUrl().toString() + pathOrUrl));
    r.setRawHeader("API-KEY", key.toUtf8());
    r.setRawHeader("Ai-trace-id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    return r;
}

HttpResult OpenApiFixture::finish(QNetworkReply* reply) {
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &QNetworkReply::finished);
        spy.wait(10000);
    }
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.contentType = reply->rawHeader("Content-Type");
    reply->deleteLater();
    return r;
}

HttpResult OpenApiFixture::get(const QString& path, const QString& key,
                               const QList<QPair<QByteArray, QByteArray>>& headers) {
    QNetworkRequest r = request(path, key.isEmpty() ? m_key : key);
    for (const auto& header : headers)
        r.setRawHeader(header.first, header.second);
    return finish(m_nam->get(r));
}

HttpResult OpenApiFixture::post(const QString& path, const QJsonObject& body, const QString& key) {
    QNetworkRequest r = request(path, key.isEmpty() ? m_key : key);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return finish(m_nam->post(r, QJsonDocument(body).toJson(QJsonDocument::Compact)));
}

HttpResult OpenApiFixture::form(const QString& path, const QList<FormPart>& parts,
                                const QString& key) {
    auto* multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    for (const FormPart& p : parts) {
        QHttpPart part;
        const QString disposition =
            p.fileName.isEmpty()
                ? QStringLiteral("form-data; name=\"%1\"").arg(p.name)
                : QStringLiteral("form-data; name=\"%1\"; filename=\"%2\"").arg(p.name, p.fileName);
        part.setHeader(QNetworkRequest::ContentDispositionHeader, disposition);
        if (!p.contentType.isEmpty())
            part.setHeader(QNetworkRequest::ContentTypeHeader, p.contentType);
        part.setBody(p.value);
        multi->append(part);
    }
    QNetworkReply* reply = m_nam->post(request(path, key.isEmpty() ? m_key : key), multi);
    multi->setParent(reply);
    return finish(reply);
}

HttpResult OpenApiFixture::uploadMedia(const QByteArray& bytes, const QString& fileName,
                                       const QByteArray& mime, const QString& key) {
    return form(QStringLiteral("/openapi/v2/media/upload"),
                {FormPart{QStringLiteral("file"), bytes, fileName, mime}}, key);
}

qint64 OpenApiFixture::uploadImage(QSize size, const QString& key) {
    const HttpResult r = form(QStringLiteral("/openapi/v2/image/upload"),
                              {FormPart{QStringLiteral("image"), pngBytes(size),
                                        QStringLiteral("frame.png"), "image/png"}},
                              key);
    return r.errCode() == 0 ? r.respInt("img_id") : -1;
}

void OpenApiFixture::finishAll() {
    m_server->advanceClock(m_server->config().generationMs + 1);
}

qint64 OpenApiFixture::make(const QString& path, const QJsonObject& body, qint64 credits) {
    const qint64 before = balance();
    const HttpResult made = post(path, body);
    if (made.errCode() != 0) {
        qWarning() << path << made.body;
        return -1;
    }
    if (made.respInt("credits") != credits || before - balance() != credits) {
        qWarning() << path << "charged" << made.respInt("credits") << "and" << before - balance()
                   << "instead of" << credits;
        return -1;
    }
    finishAll();
    return made.respInt("video_id");
}

qint64 OpenApiFixture::balance() {
    const HttpResult r = get(QStringLiteral("/openapi/v2/account/balance"));
    return r.respInt("credit_monthly") + r.respInt("credit_package");
}

QJsonObject OpenApiFixture::result(qint64 id) {
    return get(QStringLiteral("/openapi/v2/video/result/%1").arg(id)).resp();
}

ClipStreams OpenApiFixture::download(qint64 id) {
    const QJsonObject r = result(id);
    if (r.value(QLatin1String("status")).toInt() != 1)
        return {};
    return probeClip(get(r.value(QLatin1String("url")).toString()).body);
}

} // namespace pixverse::test
