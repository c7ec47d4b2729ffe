#include "core/api/ApiError.h"

#include <QCoreApplication>

namespace pixverse {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pixverse::ApiError", text);
}

} // namespace

//! What a creator reads for each PixVerse ErrCode (../shared/pixverse-api.md §4.1 and §4.2).
//! Every code has its own sentence; the ErrMsg the service sent is not shown, it may be vague.
QString ApiError::serviceSentence(qint64 code) {
    switch (code) {
    case 400011:
        return tr("A required setting is empty. Fill in every required field and try again.");
    case 400012:
        return tr("PixVerse did not accept this API key. Check the key on the PixVerse platform "
                  "and sign in again.");
    case 400013:
        return tr("PixVerse could not read one of the settings (wrong type or value). Check the "
                  "settings and try again.");
    case 400017:
        return tr("PixVerse does not accept this combination of settings. Change the model, "
                  "quality, duration or motion and try again.");
    case 400018:
        return tr("The prompt or negative prompt is longer than 2048 characters. Shorten it and "
                  "try again.");
    case 400019:
        return tr("PixVerse found the text too long (over 2048 characters). Shorten the prompt or "
                  "negative prompt.");
    case 400032:
        return tr("PixVerse no longer knows the uploaded image. Add the image again.");
    case 500008:
        return tr("PixVerse has no record of this video. It may belong to another account or have "
                  "been removed.");
    case 500020:
        return tr("This account is not allowed to do that on PixVerse.");
    case 500030:
        return tr("The image is too large: it must be under 20 MB and at most 4000 × 4000 pixels.");
    case 500031:
        return tr("PixVerse could not read the image. Try another file.");
    case 500032:
        return tr("The image format is not supported. Use a PNG, JPEG or WebP image.");
    case 500033:
        return tr("The image width or height is not accepted. Resize the image and try again.");
    case 500041:
        return tr("The image upload failed on PixVerse's side. Try again in a moment.");
    case 500042:
        return tr("PixVerse cannot find the uploaded image. Add the image again.");
    case 500043:
        return tr("All credits of this account are used up. Buy credits or upgrade the plan on "
                  "PixVerse.");
    case 500044:
        return tr("The account is already generating as many videos as its plan allows. The video "
                  "will start when one finishes.");
    case 500045:
        return tr("PixVerse asks to try again later.");
    case 500054:
        return tr("PixVerse's moderation refused the image. Choose another image.");
    case 500060:
        return tr("The monthly limit of effect activations is reached.");
    case 500063:
        return tr(
            "PixVerse's moderation refused the prompt or the image. Change them and try again.");
    case 500064:
        return tr("This content has been deleted on PixVerse.");
    case 500069:
        return tr("PixVerse is under heavy load right now. The app will try again shortly.");
    case 500070:
        return tr("This effect template is not activated for the account. Activate it on the "
                  "PixVerse platform first.");
    case 500071:
        return tr("This effect does not support 720p or 1080p. Choose a lower quality.");
    case 500090:
        return tr(
            "The balance is too low for this video. Top up credits on the PixVerse platform.");
    case 500100:
        return tr("PixVerse had an internal database error. Try again later.");
    case 99999:
        return tr("PixVerse reported an unknown error. Try again; if it keeps happening, contact "
                  "PixVerse support.");
    // Web API (§4.2)
    case 10001:
        return tr("The PixVerse session is no longer valid. Sign in again.");
    case 10003:
        return tr("You are not signed in to PixVerse. Sign in again.");
    case 10005:
        return tr("This PixVerse account signed in somewhere else, which ended this session. Sign "
                  "in again.");
    case 500200:
        return tr("The e-mail or password is wrong.");
    case 500201:
        return tr("PixVerse did not accept these sign-in details. Check the e-mail and password.");
    case 400:
        return tr(
            "PixVerse did not accept the image's width or height. Resize the image and try again.");
    case 400033:
        return tr(
            "PixVerse refused the request's trace id. This is a bug in the app; please report it.");
    case 400051:
        return tr(
            "PixVerse refused one of the settings as invalid. Check the settings and try again.");
    case 400001:
        return tr("PixVerse has no record of this task.");
    default:
        return {};
    }
}

namespace {

QString httpSentence(int status) {
    if (status == 401 || status == 403)
        return tr("PixVerse refused the credentials (HTTP %1). Sign in again.").arg(status);
    if (status == 404)
        return tr(
            "The PixVerse address answered “not found” (HTTP 404). Check the server address.");
    if (status == 429)
        return tr("PixVerse is limiting how fast requests may be sent (HTTP 429). The app will "
                  "wait and try again.");
    if (status >= 500)
        return tr("The PixVerse server had a problem (HTTP %1). Try again in a moment.")
            .arg(status);
    return tr("PixVerse refused the request (HTTP %1).").arg(status);
}

} // namespace

ApiError ApiError::network(const QString& detail) {
    ApiError e;
    e.m_kind = Kind::Network;
    e.m_detail = detail;
    return e;
}

ApiError ApiError::timeout(const QString& detail) {
    ApiError e;
    e.m_kind = Kind::Timeout;
    e.m_detail = detail;
    return e;
}

ApiError ApiError::http(int status, const QString& detail, std::optional<int> retryAfterSeconds) {
    ApiError e;
    e.m_kind = Kind::Http;
    e.m_httpStatus = status;
    e.m_detail = detail;
    e.m_retryAfter = retryAfterSeconds;
    return e;
}

ApiError ApiError::service(qint64 errCode, const QString& errMsg, int httpStatus) {
    ApiError e;
    e.m_kind = Kind::Service;
    e.m_errCode = errCode;
    e.m_serviceMessage = errMsg;
    e.m_httpStatus = httpStatus;
    return e;
}

ApiError ApiError::malformed(const QString& detail) {
    ApiError e;
    e.m_kind = Kind::MalformedReply;
    e.m_detail = detail;
    return e;
}

ApiError ApiError::insecureUrl(const QString& url) {
    ApiError e;
    e.m_kind = Kind::InsecureUrl;
    e.m_detail = url;
    return e;
}

ApiError ApiError::tls(const QString& detail) {
    ApiError e;
    e.m_kind = Kind::Tls;
    e.m_detail = detail;
    return e;
}

ApiError ApiError::cancelled() {
    ApiError e;
    e.m_kind = Kind::Cancelled;
    return e;
}

ApiError ApiError::input(const QString& message) {
    ApiError e;
    e.m_kind = Kind::Input;
    e.m_detail = message;
    return e;
}

ApiError::Category ApiError::category() const {
    switch (m_kind) {
    case Kind::None:
    case Kind::Cancelled:
        return Category::None;
    case Kind::Input:
    case Kind::InsecureUrl:
        return Category::Input;
    case Kind::Network:
    case Kind::Timeout:
    case Kind::MalformedReply:
    case Kind::Tls:
        return Category::Transient;
    case Kind::Http:
        if (isCredentialRefusal())
            return Category::Auth;
        if (m_httpStatus >= 500 || m_httpStatus == 429 || m_httpStatus == 408)
            return Category::Transient;
        return Category::Refusal;
    case Kind::Service:
        break;
    }
    if (isSessionEnd() || m_errCode == 500200 || m_errCode == 500201)
        return Category::Auth;
    switch (m_errCode) {
    case 500069:
    case 500100:
    case 500041:
    case 500045:
    case 99999:
        return Category::Transient;
    default:
        return Category::Refusal;
    }
}

bool ApiError::isRetryable() const {
    switch (m_kind) {
    case Kind::Network:
    case Kind::Timeout:
        return true;
    case Kind::Http:
        return m_httpStatus >= 500 || m_httpStatus == 429 || m_httpStatus == 408;
    case Kind::Service:
        return m_errCode == 500069 || m_errCode == 500100 || m_errCode == 500045 ||
               m_errCode == 99999;
    default:
        return false;
    }
}

bool ApiError::isSessionEnd() const {
    if (m_kind == Kind::Http)
        return m_httpStatus == 401;
    return m_kind == Kind::Service &&
           (m_errCode == 400012 || m_errCode == 10001 || m_errCode == 10003 || m_errCode == 10005);
}

bool ApiError::isCredentialRefusal() const {
    return m_kind == Kind::Http && (m_httpStatus == 401 || m_httpStatus == 403);
}

bool ApiError::isConcurrencyLimit() const {
    return m_kind == Kind::Service && m_errCode == 500044;
}

bool ApiError::isImageForgotten() const {
    return m_kind == Kind::Service && (m_errCode == 400032 || m_errCode == 500042);
}

bool ApiError::isUnknownVideo() const {
    return m_kind == Kind::Service && m_errCode == 500008;
}

bool ApiError::isUrlGone() const {
    return m_kind == Kind::Http &&
           (m_httpStatus == 403 || m_httpStatus == 404 || m_httpStatus == 410);
}

bool ApiError::mayHaveReachedService() const {
    return m_kind != Kind::None && m_kind != Kind::Service && m_kind != Kind::Input &&
           m_kind != Kind::InsecureUrl;
}

bool ApiError::isWorthRetrying() const {
    return isRetryable() || m_kind == Kind::MalformedReply;
}

QString ApiError::userMessage() const {
    switch (m_kind) {
    case Kind::None:
        return {};
    case Kind::Network:
        return tr("Could not reach PixVerse. Check the internet connection and try again.");
    case Kind::Timeout:
        return tr("PixVerse did not answer in time. The app will try again.");
    case Kind::Http:
        return httpSentence(m_httpStatus);
    case Kind::Service: {
        const QString known = serviceSentence(m_errCode);
        if (!known.isEmpty())
            return known;
        return tr("PixVerse refused the request (error %1).").arg(m_errCode);
    }
    case Kind::MalformedReply:
        return tr("PixVerse sent an answer the app could not understand. Try again in a moment.");
    case Kind::InsecureUrl:
        return tr("The address %1 is not secure: PixVerse must be reached over https://.")
            .arg(m_detail);
    case Kind::Tls:
        return tr("The secure connection to PixVerse could not be verified, so nothing was sent.");
    case Kind::Cancelled:
        return tr("Cancelled.");
    case Kind::Input:
        return m_detail;
    }
    return {};
}

QString ApiError::logText() const {
    static const char* const kindNames[] = {"none",      "network",   "timeout",      "http",
                                            "service",   "malformed", "insecure-url", "tls",
                                            "cancelled", "input"};
    QString text = QString::fromLatin1(kindNames[static_cast<int>(m_kind)]);
    if (m_httpStatus)
        text += u" http=" + QString::number(m_httpStatus);
    if (m_kind == Kind::Service)
        text += u" ErrCode=" + QString::number(m_errCode) + u" ErrMsg=\"" + m_serviceMessage + u'"';
    if (!m_detail.isEmpty())
        text += u" (" + m_detail + u')';
    if (m_retryAfter)
        text += u" retry-after=" + QString::number(*m_retryAfter);
    return text;
}

} // namespace pixverse
