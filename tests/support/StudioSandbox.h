#pragma once

// The whole app on its embedded sandbox, as the window tests start it.
#include "app/gui/StudioApp.h"
#include "core/settings/AppSettings.h"

#include <QTemporaryDir>

namespace pixverse::test {

//! `pixverse-studio --sandbox` in `dir`: its data, settings and library there, quick generations.
inline StudioOptions embeddedSandbox(const QTemporaryDir& dir) {
    StudioOptions options;
    options.sandbox = true;
    options.installLog = false;
    options.dataDir = dir.filePath(QStringLiteral("data"));
    options.settingsFile = dir.filePath(QStringLiteral("app.ini"));
    options.sandboxConfig.generationMs = 300;
    AppSettings settings(options.settingsFile);
    settings.setLibraryFolder(dir.filePath(QStringLiteral("library")));
    return options;
}

} // namespace pixverse::test
