// libFuzzer target: the probe of a dropped video or audio file (issue 16: probeMedia, ffmpeg's
// libavformat behind the demuxer whitelist) and the limits each use checks on what it found
// (mediaRefusal). The first byte chooses the file's extension (the probe names MP4, MOV and M4A
// by it), the rest is the file, written to a private folder as a creator's file would be.
#include "core/media/MediaCheck.h"
#include "core/media/MediaProbe.h"

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>

using namespace pixverse;

namespace {
std::unique_ptr<QTemporaryDir> g_dir;
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    static int argc = 1;
    static char name[] = "fuzz_media_probe";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    // libav's complaints about damaged input reach the log as warnings: one per input slows the
    // fuzzer and says nothing it needs.
    QLoggingCategory::setFilterRules(QStringLiteral("pixverse.media.*=false"));
    g_dir = std::make_unique<QTemporaryDir>();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (!g_dir)
        LLVMFuzzerInitialize(nullptr, nullptr);
    if (size == 0)
        return 0;
    static const char* const extensions[] = {"mp4", "mov", "m4a", "webm",
                                             "mp3", "wav", "aac", "mkv"};
    const QString path =
        g_dir->filePath(QStringLiteral("dropped.") + QLatin1String(extensions[data[0] % 8]));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char*>(data) + 1, static_cast<qint64>(size - 1));
    }
    const MediaProbeResult probed = probeMedia(path);
    if (probed.facts.has_value() == !probed.error.isEmpty())
        __builtin_trap(); // facts, or a sentence why not: never both, never neither
    QFile::remove(path);
    if (!probed.facts)
        return 0;
    const MediaFacts& facts = *probed.facts;
    if (!facts.hasVideo && !facts.hasAudio)
        __builtin_trap(); // a file with nothing to use is refused by the probe itself
    if (facts.mimeType.isEmpty() || facts.container.isEmpty())
        __builtin_trap(); // the upload names its type
    if (facts.width < 0 || facts.height < 0 || !std::isfinite(facts.seconds) || facts.seconds < 0)
        __builtin_trap();
    for (const MediaUse use :
         {MediaUse::ExtendSource, MediaUse::LipSyncVideo, MediaUse::LipSyncAudio,
          MediaUse::SoundSource, MediaUse::UpscaleSource}) {
        const std::optional<QString> refusal = mediaRefusal(facts, use);
        if (refusal && refusal->isEmpty())
            __builtin_trap(); // a refusal always says why
    }
    return 0;
}
