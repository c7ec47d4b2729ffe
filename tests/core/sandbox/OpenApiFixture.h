#pragma once

#include "core/sandbox/SandboxServer.h"
#include "tests/core/sandbox/ClipProbe.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPair>
#include <QSize>
#include <QString>

#include <memory>

QT_BEGIN_NAMESPACE
class QNetworkReply;
QT_END_NAMESPACE

namespace pixverse::test {

//! One answer of the sandbox, as bytes and as the OpenAPI envelope.
struct HttpResult {
    int status = 0;
    QByteArray body;
    QByteArray contentType;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    qint64 errCode() const { return json().value(QLatin1String("ErrCode")).toInteger(-1); }
    QJsonObject resp() const { return json().value(QLatin1String("Resp")).toObject(); }
    qint64 respInt(const char* name) const {
        return resp().value(QLatin1String(name)).toInteger(-1);
    }
};

//! One multipart form field: a file part when `fileName` is set, else a text field.
struct FormPart {
    QString name;
    QByteArray value;
    QString fileName;
    QByteArray contentType;
};

//! A PNG of one colour.
QByteArray pngBytes(QSize size);
//! A JSON copy with `changes` applied; a null change removes the field.
QJsonObject with(QJsonObject body, const QJsonObject& changes);

//! What the OpenAPI sandbox tests share: a sandbox on loopback (with a second key, "sk-other", and
//! credits to spare) and a plain QNetworkAccessManager speaking to it (no project client class).
//! A test class derives from QObject and from this.
class OpenApiFixture {
protected:
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    QString m_key;

    //! Creates the network access manager (in init()).
    void setUpNetwork();
    //! Stops the sandbox and the network access manager (in cleanup()).
    void tearDown();
    //! (Re)starts the sandbox with `config` plus the second key and 100000 monthly credits.
    void startServer(sandbox::SandboxConfig config = {});

    QNetworkRequest request(const QString& pathOrUrl, const QString& key) const;
    HttpResult finish(QNetworkReply* reply);
    HttpResult get(const QString& path, const QString& key = {},
                   const QList<QPair<QByteArray, QByteArray>>& headers = {});
    HttpResult post(const QString& path, const QJsonObject& body, const QString& key = {});
    HttpResult form(const QString& path, const QList<FormPart>& parts, const QString& key = {});
    HttpResult uploadMedia(const QByteArray& bytes, const QString& fileName, const QByteArray& mime,
                           const QString& key = {});
    //! A PNG of that size uploaded with the key (the default one when empty); its id or -1.
    qint64 uploadImage(QSize size, const QString& key = {});

    //! Lets every video generating now finish.
    void finishAll();
    //! Creates with `path` and `body`, checks the price and the answer, lets it finish; the id,
    //! or -1.
    qint64 make(const QString& path, const QJsonObject& body, qint64 credits);
    qint64 balance();
    QJsonObject result(qint64 id);
    //! The finished video's file, decoded as the app plays it.
    ClipStreams download(qint64 id);
};

} // namespace pixverse::test
