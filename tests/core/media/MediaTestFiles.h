#pragma once

#include <QByteArray>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QRgb>
#include <QSet>
#include <QString>
#include <QThread>

namespace pixverse::test {

//! A file ffmpeg made for these tests at build time (tests/core/media/CMakeLists.txt).
inline QString mediaFile(const QString& name) {
    return QStringLiteral(PIXVERSE_TEST_MEDIA_DIR "/") + name;
}

//! Close to `expected` in every channel: H.264 in 4:2:0 shifts flat colours a little.
inline bool near(QRgb actual, QRgb expected) {
    constexpr int tolerance = 24;
    return qAbs(qRed(actual) - qRed(expected)) <= tolerance &&
           qAbs(qGreen(actual) - qGreen(expected)) <= tolerance &&
           qAbs(qBlue(actual) - qBlue(expected)) <= tolerance;
}

//! Writes `bytes` to `path`; false on any error.
inline bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

//! The threads the pixverse.media category logs from while it is alive: proof of where the
//! work ran.
class MediaLogThreads {
public:
    MediaLogThreads() {
        s_current = this;
        QLoggingCategory::setFilterRules(QStringLiteral("pixverse.media.debug=true"));
        m_previous = qInstallMessageHandler(&MediaLogThreads::record);
    }
    ~MediaLogThreads() {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
        s_current = nullptr;
    }
    QSet<QThread*> threads() const {
        QMutexLocker lock(&m_mutex);
        return m_threads;
    }

private:
    static void record(QtMsgType, const QMessageLogContext& context, const QString&) {
        if (s_current && context.category && qstrcmp(context.category, "pixverse.media") == 0) {
            QMutexLocker lock(&s_current->m_mutex);
            s_current->m_threads.insert(QThread::currentThread());
        }
    }

    static inline MediaLogThreads* s_current = nullptr;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QSet<QThread*> m_threads;
};

} // namespace pixverse::test
