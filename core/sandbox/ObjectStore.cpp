#include "core/sandbox/ObjectStore.h"

#include <QCryptographicHash>
#include <QLocale>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QTime>

#include <cstdlib>

namespace pixverse::sandbox {

namespace {

//! `length` random characters of [A-Za-z0-9], from the system generator: these are secrets.
QByteArray randomText(int length) {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    constexpr quint32 size = sizeof(alphabet) - 1;
    QByteArray out(length, Qt::Uninitialized);
    for (char& c : out)
        c = alphabet[QRandomGenerator::system()->bounded(size)];
    return out;
}

QByteArray xmlEscaped(const QByteArray& text) {
    return QString::fromUtf8(text).toHtmlEscaped().toUtf8();
}

QByteArray requestId() {
    return QByteArray::number(QRandomGenerator::system()->generate64(), 16).toUpper();
}

//! Equal without an early exit, so a signature is not guessed byte by byte.
bool sameBytes(const QByteArray& a, const QByteArray& b) {
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

HttpAnswer ossError(int status, const QByteArray& code, const QByteArray& message,
                    const QByteArray& extraXml) {
    HttpAnswer a;
    a.status = status;
    const QByteArray id = requestId();
    a.headers << qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/xml"))
              << qMakePair(QByteArrayLiteral("x-oss-request-id"), id);
    a.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" +
             xmlEscaped(message) + "</Message><RequestId>" + id + "</RequestId>" + extraXml +
             "</Error>";
    return a;
}

QString ObjectStore::bucket() {
    return QStringLiteral("pixverse-fe-upload");
}

ObjectStore::Credentials ObjectStore::issue(const QString& owner, qint64 sandboxNowMs) {
    Credentials c;
    do
        c.accessKeyId = "STS." + randomText(28);
    while (m_credentials.contains(c.accessKeyId));
    c.secret = randomText(44);
    c.securityToken = "CAIS" + randomText(300);
    c.owner = owner;
    c.expiresAt = sandboxNowMs + kCredentialLifetimeMs;
    m_credentials.insert(c.accessKeyId, c);
    return c;
}

const ObjectStore::Object* ObjectStore::object(const QString& key) const {
    const auto found = m_objects.constFind(key);
    return found == m_objects.cend() ? nullptr : &*found;
}

QByteArray ObjectStore::stringToSign(const HttpRequest& request, const QByteArray& verb,
                                     const QString& bucket, const QString& key) {
    // Every x-oss-* header: lower-case name, trimmed value, sorted by name; repeats joined by ",".
    QMap<QByteArray, QByteArray> ossHeaders;
    for (const auto& header : request.headers) {
        const QByteArray name = header.first.trimmed().toLower();
        if (!name.startsWith("x-oss-"))
            continue;
        QByteArray& value = ossHeaders[name];
        value = value.isEmpty() ? header.second.trimmed() : value + ',' + header.second.trimmed();
    }
    QByteArray canonicalHeaders;
    for (auto it = ossHeaders.cbegin(); it != ossHeaders.cend(); ++it)
        canonicalHeaders += it.key() + ':' + it.value() + '\n';
    return verb + '\n' + request.header(QByteArrayLiteral("Content-MD5")) + '\n' +
           request.header(QByteArrayLiteral("Content-Type")) + '\n' +
           request.header(QByteArrayLiteral("Date")) + '\n' + canonicalHeaders + '/' +
           bucket.toUtf8() + '/' + key.toUtf8();
}

QByteArray ObjectStore::signature(const QByteArray& secret, const QByteArray& stringToSign) {
    return QMessageAuthenticationCode::hash(stringToSign, secret, QCryptographicHash::Sha1)
        .toBase64();
}

QDateTime ObjectStore::parseHttpDate(const QByteArray& text) {
    // "Wed, 25 Nov 2026 12:00:00 GMT": parsed in parts, so no local-time rule can make it invalid.
    const QString s = QString::fromLatin1(text).simplified();
    if (!s.endsWith(QLatin1String(" GMT")))
        return {};
    const qsizetype comma = s.indexOf(QLatin1Char(','));
    const QStringList parts = s.mid(comma + 1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (comma != 3 || parts.size() != 5)
        return {};
    const QLocale c = QLocale::c();
    const QDate date =
        c.toDate(parts[0] + QLatin1Char(' ') + parts[1] + QLatin1Char(' ') + parts[2],
                 QStringLiteral("d MMM yyyy"));
    const QTime time = c.toTime(parts[3], QStringLiteral("HH:mm:ss"));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

HttpAnswer ObjectStore::handle(const HttpRequest& request, qint64 sandboxNowMs,
                               const QDateTime& wallNowUtc, bool* stored) {
    if (stored)
        *stored = false;
    // "/oss/<bucket>/<key...>", the key percent-decoded.
    const QString rest = request.decodedPath.mid(QLatin1String("/oss/").size());
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    const QString bucketName = slash < 0 ? rest : rest.left(slash);
    const QString key = slash < 0 ? QString() : rest.mid(slash + 1);

    const bool read = request.isGet() || request.isHead();
    if (!read && !request.isPut()) {
        HttpAnswer a = ossError(
            405, QByteArrayLiteral("MethodNotAllowed"),
            QByteArrayLiteral("The specified method is not allowed against this resource."));
        a.headers << qMakePair(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, HEAD, PUT"));
        return a;
    }
    if (bucketName != bucket())
        return ossError(404, QByteArrayLiteral("NoSuchBucket"),
                        QByteArrayLiteral("The specified bucket does not exist."),
                        "<BucketName>" + xmlEscaped(bucketName.toUtf8()) + "</BucketName>");

    if (read) { // for debugging: no signature
        const Object* found = object(key);
        if (!found)
            return ossError(404, QByteArrayLiteral("NoSuchKey"),
                            QByteArrayLiteral("The specified key does not exist."));
        HttpAnswer a;
        a.headOnly = request.isHead();
        a.headers << qMakePair(QByteArrayLiteral("Content-Type"),
                               found->contentType.isEmpty()
                                   ? QByteArrayLiteral("application/octet-stream")
                                   : found->contentType)
                  << qMakePair(QByteArrayLiteral("ETag"), found->etag);
        a.body = found->bytes;
        return a;
    }

    // The STS policy allows the upload folder only.
    const QString name = key.mid(QLatin1String("upload/").size());
    if (!key.startsWith(QLatin1String("upload/")) || name.isEmpty() ||
        name.contains(QLatin1Char('/')))
        return ossError(
            403, QByteArrayLiteral("AccessDenied"),
            QByteArrayLiteral("The credentials allow only upload/<name> in this bucket."));

    const QByteArray authorization = request.header(QByteArrayLiteral("Authorization")).trimmed();
    if (authorization.isEmpty())
        return ossError(
            403, QByteArrayLiteral("AccessDenied"),
            QByteArrayLiteral("You have no right to access this object because of bucket acl."));
    const qsizetype colon = authorization.lastIndexOf(':');
    if (!authorization.startsWith("OSS ") || colon < 4)
        return ossError(400, QByteArrayLiteral("InvalidArgument"),
                        QByteArrayLiteral("Authorization header is invalid."));
    const QByteArray accessKeyId = authorization.mid(4, colon - 4).trimmed();
    const QByteArray givenSignature = authorization.mid(colon + 1).trimmed();

    const auto credentials = m_credentials.constFind(accessKeyId);
    if (credentials == m_credentials.cend())
        return ossError(
            403, QByteArrayLiteral("InvalidAccessKeyId"),
            QByteArrayLiteral("The OSS Access Key Id you provided does not exist in our records."),
            "<OSSAccessKeyId>" + xmlEscaped(accessKeyId) + "</OSSAccessKeyId>");
    const QByteArray securityToken =
        request.header(QByteArrayLiteral("x-oss-security-token")).trimmed();
    if (securityToken.isEmpty() || !sameBytes(securityToken, credentials->securityToken))
        return ossError(403, QByteArrayLiteral("InvalidSecurityToken"),
                        QByteArrayLiteral("The security token you provided is invalid."));
    if (sandboxNowMs >= credentials->expiresAt)
        return ossError(403, QByteArrayLiteral("SecurityTokenExpired"),
                        QByteArrayLiteral("The security token you provided has expired."));

    const QByteArray dateText = request.header(QByteArrayLiteral("Date"));
    const QDateTime date = parseHttpDate(dateText);
    if (!date.isValid() || std::abs(date.msecsTo(wallNowUtc)) > kMaxClockSkewMs)
        return ossError(
            403, QByteArrayLiteral("RequestTimeTooSkewed"),
            QByteArrayLiteral(
                "The difference between the request time and the current time is too large."),
            "<RequestTime>" + xmlEscaped(dateText) + "</RequestTime><ServerTime>" +
                wallNowUtc.toString(Qt::ISODate).toLatin1() + "</ServerTime>");

    const QByteArray toSign = stringToSign(request, QByteArrayLiteral("PUT"), bucketName, key);
    if (!sameBytes(givenSignature, signature(credentials->secret, toSign)))
        // OSS shows what it signed (never the secret), which is what a client author needs.
        return ossError(403, QByteArrayLiteral("SignatureDoesNotMatch"),
                        QByteArrayLiteral(
                            "The request signature we calculated does not match the signature you "
                            "provided. Check your key and signing method."),
                        "<StringToSign>" + xmlEscaped(toSign) + "</StringToSign>");

    const QByteArray md5 = QCryptographicHash::hash(request.body, QCryptographicHash::Md5);
    const QByteArray contentMd5 = request.header(QByteArrayLiteral("Content-MD5")).trimmed();
    if (!contentMd5.isEmpty() && contentMd5 != md5.toBase64())
        return ossError(400, QByteArrayLiteral("InvalidDigest"),
                        QByteArrayLiteral("The Content-MD5 you specified is not valid."));
    if (request.body.size() > kMaxObjectBytes)
        return ossError(
            400, QByteArrayLiteral("EntityTooLarge"),
            QByteArrayLiteral("Your proposed upload exceeds the maximum allowed size."));

    Object o;
    o.owner = credentials->owner;
    o.bytes = request.body;
    o.contentType = request.header(QByteArrayLiteral("Content-Type"));
    o.etag = '"' + md5.toHex().toUpper() + '"';
    m_objects.insert(key, o);
    if (stored)
        *stored = true;

    HttpAnswer a;
    a.headers << qMakePair(QByteArrayLiteral("ETag"), o.etag)
              << qMakePair(QByteArrayLiteral("Content-MD5"), md5.toBase64())
              << qMakePair(QByteArrayLiteral("x-oss-request-id"), requestId());
    return a;
}

} // namespace pixverse::sandbox
