// libFuzzer target: the files a creator writes that the app reads back (issues 18 and 19). The
// first byte chooses what the rest is:
//   even - a batch file (readBatchFile: a prompt a line, or JSON Lines), read for an API key (0)
//          or a website account (2), then priced as the batch preview does; the file sits in a
//          private folder beside a small real PNG (`still.png`) that its lines may name;
//   odd  - a job's sidecar (`<video>.json`) edited by hand: the marks SidecarWatcher takes from
//          it and what SidecarWriter writes over it.
// Every refused line says why, and nothing read breaks the rules the store keeps (ratings 0-5,
// boards that exist, tags normalised).
#include "core/generation/ModelCatalog.h"
#include "core/generation/PriceQuote.h"
#include "core/jobs/Job.h"
#include "core/jobs/JobLibrary.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/SidecarWatcher.h"
#include "core/jobs/SidecarWriter.h"
#include "core/queue/BatchFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>

using namespace pixverse;

namespace {

std::unique_ptr<QTemporaryDir> g_dir;

void readBatch(const QByteArray& bytes, ApiFamily family) {
    const QString path = g_dir->filePath(QStringLiteral("batch.jsonl"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return;
        file.write(bytes);
    }
    const ModelCatalog& catalog = ModelCatalog::builtIn();
    GenerationRequest defaults;
    requestFromKeys({}, catalog, family, defaults);
    BatchContents contents = readBatchFile(path, generationKeys(defaults), catalog, family);
    if (!contents.error.isEmpty())
        return; // only a file that cannot be read at all
    priceBatch(contents, [&catalog, family](const GenerationRequest& request) {
        return quotePrice(request, catalog, family);
    });
    for (const BatchEntry& entry : contents.entries) {
        if (entry.source.isEmpty() || entry.origin.isEmpty())
            __builtin_trap(); // every line is named where the creator can find it
        if (entry.lineRefused && entry.accepted())
            __builtin_trap(); // a line refused as written has its reason
        if (entry.accepted() && entry.price.known() && *entry.price.credits < 0)
            __builtin_trap();
    }
    (void)contents.total().text();
}

void readSidecar(const QByteArray& bytes) {
    static const QList<Board> boards{{1, QStringLiteral("Keepers"), {}},
                                     {2, QStringLiteral("Client review"), {}}};
    Job job;
    job.id = 7;
    job.rating = 3;
    job.tags = {QStringLiteral("sea")};
    job.boards = {2};
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (document.isObject()) {
        QStringList unknownBoards;
        const Job after = SidecarWatcher::marksRead(document.object(), job, boards, &unknownBoards);
        if (after.rating < 0 || after.rating > 5)
            __builtin_trap();
        for (qsizetype i = 0; i < after.boards.size(); ++i) {
            if (after.boards[i] != 1 && after.boards[i] != 2)
                __builtin_trap(); // only boards that exist
            if (i > 0 && after.boards[i - 1] >= after.boards[i])
                __builtin_trap(); // sorted, each once
        }
        if (JobLibrary::normalizedTags(after.tags) != after.tags)
            __builtin_trap();
    }
    // The app's write over the edited file: the creator's other keys stay, the marks are ours.
    const QJsonObject marks{{QStringLiteral("rating"), 4},
                            {QStringLiteral("tags"), QJsonArray{QStringLiteral("sea")}}};
    const QJsonObject whole{{QStringLiteral("video_file"), QStringLiteral("take.mp4")},
                            {QStringLiteral("rating"), 4}};
    const QJsonObject merged = SidecarWriter::merged(bytes, marks, whole);
    if (merged.value(QLatin1String("rating")).toInt() != 4)
        __builtin_trap();
    if (!QJsonDocument::fromJson(SidecarWriter::bytesOf(merged)).isObject())
        __builtin_trap(); // what is written reads back
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // Image format plugins load through the application object (the batch lines' images).
    static int argc = 1;
    static char name[] = "fuzz_local_files";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    g_dir = std::make_unique<QTemporaryDir>();
    QImage still(64, 48, QImage::Format_RGB32);
    still.fill(Qt::darkCyan);
    still.save(g_dir->filePath(QStringLiteral("still.png")));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (!g_dir)
        LLVMFuzzerInitialize(nullptr, nullptr);
    if (size == 0)
        return 0;
    const QByteArray rest(reinterpret_cast<const char*>(data) + 1,
                          static_cast<qsizetype>(size - 1));
    switch (data[0] % 4) {
    case 0:
        readBatch(rest, ApiFamily::OpenApi);
        break;
    case 2:
        readBatch(rest, ApiFamily::Web);
        break;
    default:
        readSidecar(rest);
        break;
    }
    return 0;
}
