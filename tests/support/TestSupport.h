#pragma once

#include <QByteArray>
#include <QString>

namespace pixverse::test {

//! Path of a file in the source tree, e.g. sourcePath("resources/models.json").
QString sourcePath(const QString& relative);
//! Directory of the sandbox's sample clips in the build tree.
QString clipsDir();
//! Path of a built executable of app/ ("pixverse-studio-cli", "pixverse-sandbox", ...).
QString appExecutable(const QString& name);

} // namespace pixverse::test
