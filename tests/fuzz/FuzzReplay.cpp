// The normal build's stand-in for libFuzzer's main(): feeds the target its seed corpus and every
// crasher kept in tests/fuzz/regressions/<target>/, so each fixed crash stays a test (ctest).
#include <QDir>
#include <QDirIterator>
#include <QFile>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
    LLVMFuzzerInitialize(&argc, &argv);
    const QString root = QStringLiteral(PIXVERSE_SOURCE_DIR "/tests/fuzz/");
    int inputs = 0;
    for (const QString& kind : {QStringLiteral("corpus/"), QStringLiteral("regressions/")}) {
        QDirIterator it(root + kind + QStringLiteral(PIXVERSE_FUZZ_TARGET),
                        QDir::Files | QDir::Hidden);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.endsWith(QStringLiteral("README.md")))
                continue;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
                return 1;
            }
            const QByteArray bytes = file.readAll();
            std::fprintf(stderr, "%s\n", qPrintable(path));
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.constData()),
                                   static_cast<size_t>(bytes.size()));
            ++inputs;
        }
    }
    std::printf("%s: %d inputs replayed without a crash\n", PIXVERSE_FUZZ_TARGET, inputs);
    return inputs > 0 ? 0 : 1;
}
