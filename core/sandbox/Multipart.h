#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace pixverse::sandbox {

//! One part of a multipart/form-data body.
struct MultipartPart {
    QByteArray name;        //!< the `name` of Content-Disposition
    QByteArray fileName;    //!< its `filename`, empty when none
    QByteArray contentType; //!< the part's Content-Type, empty when none
    QByteArray data;
};

//! The value of `parameter` in a header value such as `form-data; name="image"` or
//! `multipart/form-data; boundary="a;b"` (quoted or not, case-insensitive name); empty if absent.
QByteArray headerParameter(const QByteArray& headerValue, const QByteArray& parameter);

//! Splits a multipart/form-data body (RFC 7578). `contentType` is the request's Content-Type
//! header, which carries the boundary. Empty when the type is not multipart or the body does not
//! follow the boundary structure. Delimiters count only at the start of a line, so the boundary
//! text inside a part's data does not cut it.
std::optional<QList<MultipartPart>> parseMultipart(const QByteArray& contentType,
                                                   const QByteArray& body);

} // namespace pixverse::sandbox
