#include "core/sandbox/Multipart.h"

namespace pixverse::sandbox {

namespace {

//! Splits `a; b="x;y"; c` at the semicolons outside quotes.
QList<QByteArray> splitParameters(const QByteArray& value) {
    QList<QByteArray> out;
    QByteArray current;
    bool quoted = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value.at(i);
        if (quoted && c == '\\' && i + 1 < value.size()) {
            current += c;
            current += value.at(++i);
            continue;
        }
        if (c == '"')
            quoted = !quoted;
        if (c == ';' && !quoted) {
            out << current.trimmed();
            current.clear();
            continue;
        }
        current += c;
    }
    out << current.trimmed();
    return out;
}

QByteArray unquote(const QByteArray& value) {
    if (value.size() < 2 || !value.startsWith('"') || !value.endsWith('"'))
        return value;
    QByteArray out;
    for (qsizetype i = 1; i + 1 < value.size(); ++i) {
        if (value.at(i) == '\\' && i + 2 < value.size())
            ++i;
        out += value.at(i);
    }
    return out;
}

} // namespace

QByteArray headerParameter(const QByteArray& headerValue, const QByteArray& parameter) {
    const QList<QByteArray> parts = splitParameters(headerValue);
    // The first part is the value itself (`form-data`, `multipart/form-data`).
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const qsizetype eq = parts.at(i).indexOf('=');
        if (eq < 0)
            continue;
        if (parts.at(i).left(eq).trimmed().compare(parameter, Qt::CaseInsensitive) == 0)
            return unquote(parts.at(i).mid(eq + 1).trimmed());
    }
    return {};
}

std::optional<QList<MultipartPart>> parseMultipart(const QByteArray& contentType,
                                                   const QByteArray& body) {
    const QByteArray type = splitParameters(contentType).value(0).toLower();
    if (!type.startsWith("multipart/"))
        return std::nullopt;
    const QByteArray boundary = headerParameter(contentType, "boundary");
    if (boundary.isEmpty() || boundary.size() > 200)
        return std::nullopt;
    const QByteArray delimiter = "--" + boundary;
    const QByteArray lineDelimiter = "\r\n" + delimiter;

    // The first delimiter may follow a preamble; it starts the body or a line.
    qsizetype pos = body.startsWith(delimiter) ? 0 : body.indexOf(lineDelimiter);
    if (pos < 0)
        return std::nullopt;
    if (pos > 0)
        pos += 2;
    QList<MultipartPart> parts;
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return parts; // the closing delimiter
        // Transport padding, then the line break that ends the delimiter line.
        while (pos < body.size() && (body.at(pos) == ' ' || body.at(pos) == '\t'))
            ++pos;
        if (body.mid(pos, 2) != "\r\n")
            return std::nullopt;
        pos += 2;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", pos);
        const qsizetype emptyHeaders = body.mid(pos, 2) == "\r\n" ? pos : -1;
        if (headersEnd < 0 && emptyHeaders < 0)
            return std::nullopt;
        MultipartPart part;
        qsizetype dataStart = 0;
        if (emptyHeaders == pos) {
            dataStart = pos + 2;
        } else {
            const QList<QByteArray> lines = body.mid(pos, headersEnd - pos).split('\n');
            for (const QByteArray& rawLine : lines) {
                const QByteArray line = rawLine.trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name == "content-disposition") {
                    part.name = headerParameter(value, "name");
                    part.fileName = headerParameter(value, "filename");
                } else if (name == "content-type") {
                    part.contentType = value;
                }
            }
            dataStart = headersEnd + 4;
        }
        const qsizetype dataEnd = body.indexOf(lineDelimiter, dataStart);
        if (dataEnd < 0)
            return std::nullopt;
        part.data = body.mid(dataStart, dataEnd - dataStart);
        parts << part;
        pos = dataEnd + 2;
    }
}

} // namespace pixverse::sandbox
