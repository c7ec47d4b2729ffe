// libFuzzer target: the sandbox's multipart/form-data parser (core/sandbox/Multipart.h), which
// reads every OpenAPI image upload. Input: the Content-Type header value, a line break, the body.
#include "core/sandbox/Multipart.h"

#include <cstddef>
#include <cstdint>

using namespace pixverse::sandbox;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray contentType = newline < 0 ? input : input.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : input.mid(newline + 1);
    (void)headerParameter(contentType, "boundary");
    (void)headerParameter(contentType, "name");
    if (const auto parts = parseMultipart(contentType, body)) {
        qsizetype total = 0;
        for (const MultipartPart& part : *parts) {
            (void)headerParameter(part.contentType, "charset");
            total += part.data.size() + part.name.size() + part.fileName.size();
        }
        if (total > body.size())
            __builtin_trap(); // parts are pieces of the body, never more than it
    }
    return 0;
}
