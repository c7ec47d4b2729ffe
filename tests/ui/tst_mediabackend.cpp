// The app as a creator starts it: no QT_MEDIA_BACKEND in the environment. The main window (with
// its player and thumbnail maker) must come up and a sample clip must play, on a machine where
// Qt's GStreamer backend is installed but GStreamer's own plugins are not (its QMediaPlayer
// crashes there), and without a GPU.
#include "tests/support/TestSupport.h"
#include "ui/MainWindow.h"
#include "ui/UiHelpers.h"
#include "ui/VideoPlayer.h"

#include <QApplication>
#include <QDir>
#include <QMediaPlayer>
#include <QTest>

using namespace pixverse;

class TestMediaBackend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theWindowComesUpAndAClipPlays() {
        MainWindow window; // builds the gallery's player and thumbnail maker
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        VideoPlayer player;
        QCOMPARE(qgetenv("QT_MEDIA_BACKEND"), QByteArray("ffmpeg"));
        player.open(QDir(test::clipsDir()).filePath(QStringLiteral("960x540.mp4")));
        player.show();
        player.play();
        QTRY_COMPARE_WITH_TIMEOUT(player.mediaPlayer()->playbackState(), QMediaPlayer::PlayingState,
                                  15000);
        QTRY_VERIFY_WITH_TIMEOUT(player.mediaPlayer()->position() > 0, 15000);
        QCOMPARE(player.frameSize(), QSize(960, 540));
    }

    void anExplicitChoiceIsKept() {
        // Only a missing choice is filled in (the rule itself: the backend is loaded once per
        // process, so no second player is made here).
        qputenv("QT_MEDIA_BACKEND", "gstreamer");
        ui::chooseMediaBackend();
        QCOMPARE(qgetenv("QT_MEDIA_BACKEND"), QByteArray("gstreamer"));
        qunsetenv("QT_MEDIA_BACKEND");
        ui::chooseMediaBackend();
        QCOMPARE(qgetenv("QT_MEDIA_BACKEND"), QByteArray("ffmpeg"));
    }
};

int main(int argc, char* argv[]) {
    // As a desktop launcher starts the app (ctest sets the variable for every other test).
    qunsetenv("QT_MEDIA_BACKEND");
    QApplication app(argc, argv);
    TestMediaBackend test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mediabackend.moc"
