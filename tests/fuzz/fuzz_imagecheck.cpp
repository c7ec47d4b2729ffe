// libFuzzer target: the image check every dropped, pasted or CLI image goes through
// (ImageCheck::prepare: format sniffing, header sizes, decode, scale, re-encode), the job store's
// copy of it (PreparedImage::intoStore) and the upload's reading of that copy
// (PreparedImage::forUpload). The bytes are written to a file in a private folder, as the
// creator's file would be; nothing leaves the process.
#include "core/generation/ImageCheck.h"
#include "core/generation/PreparedImage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <memory>

using namespace pixverse;

namespace {
std::unique_ptr<QTemporaryDir> g_dir;
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // Image format plugins (JPEG, WebP, GIF, TIFF...) load through the application object.
    static int argc = 1;
    static char name[] = "fuzz_imagecheck";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    g_dir = std::make_unique<QTemporaryDir>();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (!g_dir)
        LLVMFuzzerInitialize(nullptr, nullptr);
    const QString path = g_dir->filePath(QStringLiteral("input"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char*>(data), static_cast<qint64>(size));
    }
    const ImageCheckResult result =
        ImageCheck::prepare(path, g_dir->filePath(QStringLiteral("out")));
    if (result.ok() == !result.message.isEmpty())
        __builtin_trap(); // a refusal always says why; an accepted image never carries a refusal
    if (result.ok() && (result.image->width < 1 || result.image->height < 1 ||
                        result.image->width > ImageLimits::maxSide ||
                        result.image->height > ImageLimits::maxSide ||
                        result.image->bytes >= ImageLimits::maxBytes))
        __builtin_trap(); // what passes is within the service's limits
    const Result<PreparedImage> kept =
        PreparedImage::intoStore(path, g_dir->filePath(QStringLiteral("out")));
    if (kept.ok() == kept.error.isError())
        __builtin_trap(); // kept, or refused with a reason: never both, never neither
    if (kept.ok() && !PreparedImage::forUpload(kept.value->path, true).ok())
        __builtin_trap(); // what the store kept, the upload sends
    QDir(g_dir->filePath(QStringLiteral("out"))).removeRecursively();
    return 0;
}
