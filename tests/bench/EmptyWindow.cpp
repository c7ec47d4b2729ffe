// The baseline for the start-up and memory benchmarks: a Qt Widgets program that only shows an
// empty QMainWindow, built with the same flags as the app. Speaks the same readiness protocol.
#include "app/gui/BenchReady.h"

#include <QApplication>
#include <QMainWindow>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1280, 800);
    window.show();
    pixverse::bench::reportWhenIdle(&window, "shown");
    return QApplication::exec();
}
