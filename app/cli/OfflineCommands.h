#pragma once

#include "app/cli/CliOptions.h"

class QTextStream;

namespace pixverse {

class ModelCatalog;

//! `models`, `last-frame` and `--dry-run` answer from the client's own table and request classes:
//! they neither sign in (no key, token or keychain is read, no sandbox is started) nor send
//! anything. The sign-in options only say which family's table and bodies to show.
bool runsOffline(const CliOptions& options);

//! Runs such a command; returns its exit code (0, or 2 for a refused image).
int runOffline(const CliOptions& options, const ModelCatalog& catalog, QTextStream& out,
               QTextStream& err);

} // namespace pixverse
