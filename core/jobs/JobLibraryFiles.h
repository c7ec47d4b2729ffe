#pragma once

#include "core/jobs/Job.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

// Shared by the parts of JobLibrary (JobLibrary.cpp, JobLibraryMarks.cpp); not an API.
namespace pixverse {

//! Writes `json` as the sidecar of `job.videoPath` (SidecarWriter, blocking) and records its
//! path in `job.sidecarPath`; a failure is a warning in the log.
bool writeSidecarJson(Job& job, const QJsonObject& json);
//! The creator's marks as a sidecar carries them; `boardNames` nullopt leaves `boards` out,
//! `takes` 0 leaves the group's size out.
QJsonObject marksJson(const Job& job, const std::optional<QStringList>& boardNames, int takes);

//! Whether the desktop's home trash is there (it is made when missing). Qt 6.4's
//! QFile::moveToTrash, when it cannot make it, moves the file into "files/" of the working
//! folder and says it succeeded: nothing goes to the trash without this check first.
bool homeTrashReady();

} // namespace pixverse
