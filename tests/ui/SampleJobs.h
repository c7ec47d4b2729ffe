#pragma once

// One job in every state, with real clips for the finished ones: the gallery's screenshots and
// the Russian/dark window checks show the same set.
#include "core/jobs/JobStore.h"
#include "tests/core/jobs/JobTestFixture.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

namespace pixverse::test {

struct SampleJobs {
    QList<qint64> ids; //!< in the order below: 0–2 done (with videos), 3 downloading, 4 generating…
    static constexpr int kDownloading = 3;
};

//! Adds the sample jobs to `store`; the finished ones get copies of the clips in `clipsDir`
//! (960x540.mp4, 720x1280.mp4, 640x360.mp4) inside `library`. Empty ids on failure.
inline SampleJobs addSampleJobs(JobStore& store, const QString& library, const QString& clipsDir) {
    QDir().mkpath(library);
    auto clip = [&](const QString& size, const QString& name) {
        const QString target = QDir(library).filePath(name);
        QFile::copy(QDir(clipsDir).filePath(size + QStringLiteral(".mp4")), target);
        return target;
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    struct Spec {
        QString prompt;
        JobState state;
        QString quality;
        int duration;
        QString clipSize;
        QString error;
    };
    const QList<Spec> specs{
        {QStringLiteral(
             "A lighthouse in a storm at night, waves crash over the rocks, cinematic lighting"),
         JobState::Done,
         QStringLiteral("540p"),
         5,
         QStringLiteral("960x540"),
         {}},
        {QStringLiteral("Portrait of an old fisherman mending nets, golden hour"),
         JobState::Done,
         QStringLiteral("720p"),
         5,
         QStringLiteral("720x1280"),
         {}},
        {QStringLiteral("A cat stretches on a sunny windowsill"),
         JobState::Done,
         QStringLiteral("360p"),
         8,
         QStringLiteral("640x360"),
         {}},
        {QStringLiteral("Drone shot over a misty pine forest at sunrise"),
         JobState::Downloading,
         QStringLiteral("1080p"),
         5,
         {},
         {}},
        {QStringLiteral("Neon city street in the rain, reflections on wet asphalt"),
         JobState::Generating,
         QStringLiteral("720p"),
         5,
         {},
         {}},
        {QStringLiteral("Paper boats drifting down a gutter stream"),
         JobState::Uploading,
         QStringLiteral("540p"),
         5,
         {},
         {}},
        {QStringLiteral("Time-lapse of clouds rolling over mountains"),
         JobState::Queued,
         QStringLiteral("540p"),
         5,
         {},
         {}},
        {QStringLiteral("The old tower will explode into confetti"),
         JobState::Failed,
         QStringLiteral("540p"),
         5,
         {},
         QStringLiteral(
             "PixVerse could not generate this video. Try again; if it keeps failing, change the "
             "settings.")},
        {QStringLiteral("Forbidden dance in the moonlight"),
         JobState::Moderated,
         QStringLiteral("540p"),
         5,
         {},
         QStringLiteral("PixVerse's moderation refused this video; the credits were refunded. "
                        "Change the prompt "
                        "or the image and try again.")},
        {QStringLiteral("A red kite against a blue sky"),
         JobState::Cancelled,
         QStringLiteral("540p"),
         5,
         {},
         {}},
    };
    SampleJobs out;
    for (int i = 0; i < specs.size(); ++i) {
        const Spec& spec = specs.at(i);
        Job job;
        job.request = JobTestBed::request(spec.prompt);
        job.request.quality = spec.quality;
        job.request.duration = spec.duration;
        job.state = spec.state;
        job.errorMessage = spec.error;
        job.createdAt = now.addSecs(-60 * (specs.size() - i)); // the first one is the oldest
        if (spec.state == JobState::Generating)
            job.generatingSince = now.addSecs(-42);
        if (spec.state == JobState::Uploading)
            job.generatingSince = now.addSecs(-3);
        if (!spec.clipSize.isEmpty())
            job.videoPath = clip(spec.clipSize, QStringLiteral("video%1.mp4").arg(i));
        job.favourite = i == 1;
        const Result<Job> added = store.add(job);
        if (!added.ok())
            return {};
        out.ids << added.value->id;
    }
    return out;
}

} // namespace pixverse::test
