#pragma once

// A sandbox on loopback, one OpenAPI backend over it, a job store in a temporary folder, and an
// engine with fast timings: what tst_jobscheduler and tst_jobengine share.
#include "core/api/ApiClient.h"
#include "core/backend/BackendFactory.h"
#include "core/backend/OpenApiBackend.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/VideoDownloader.h"
#include "core/sandbox/SandboxHost.h"

#include <QColor>
#include <QDir>
#include <QImage>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

namespace pixverse::test {

class JobTestBed {
public:
    //! `clockSpeed`: sandbox time runs that much faster (a 6 s generation takes 6000/speed ms).
    explicit JobTestBed(sandbox::SandboxConfig config = {}, double clockSpeed = 200.0) {
        config.traceReplaySeconds = std::max(config.traceReplaySeconds, 24 * 3600);
        sandbox = std::make_unique<sandbox::SandboxHost>(config);
        if (!sandbox->start()) {
            error = sandbox->errorString();
            return;
        }
        sandbox->setClockSpeed(clockSpeed);
        backend.reset(makeBackend(sandbox->defaultApiKey()));
        if (!backend)
            return;
        store = std::make_unique<JobStore>();
        if (!store->open(dataDir()))
            error = store->errorString();
    }
    ~JobTestBed() {
        engine.reset();
        store.reset();
        backend.reset();
    }

    bool ok() const { return error.isEmpty() && backend && store && store->isOpen(); }

    //! A backend whose ApiClient sends once (the scheduler is the retry layer under test).
    Backend* makeBackend(const QString& key) {
        BackendConfig config;
        config.family = ApiFamily::OpenApi;
        config.baseUrl = sandbox->baseUrl();
        config.secret = key;
        Result<Backend*> made = createBackend(&network, config, nullptr);
        if (!made.ok()) {
            error = made.error.logText();
            return nullptr;
        }
        auto* openApi = qobject_cast<OpenApiBackend*>(*made.value);
        openApi->client()->setRetryPolicy({1, 10, 10});
        openApi->client()->setDefaultTimeout(clientTimeoutMs);
        return openApi;
    }
    ApiClient* client() const { return qobject_cast<OpenApiBackend*>(backend.get())->client(); }

    QString dataDir() const { return dir.filePath(QStringLiteral("data")); }
    QString libraryDir() const { return dir.filePath(QStringLiteral("library")); }

    JobEngineOptions fastOptions(int cap = 3) const {
        JobEngineOptions options;
        options.libraryFolder = libraryDir();
        options.concurrencyCap = cap;
        options.pollSchedule = PollSchedule::uniform(20);
        options.backoff = {20, 200, 60 * 1000};
        options.watchSystemNetwork = false;
        return options;
    }

    JobEngine* makeEngine(const JobEngineOptions& options) {
        engine = std::make_unique<JobEngine>(store.get(), backend.get(), &network, options);
        engine->downloader()->setRetryPolicy({3, 20, 100});
        return engine.get();
    }

    //! Closes and reopens the store, as a restarted app would (the engine must be gone).
    bool reopenStore() {
        engine.reset();
        store = std::make_unique<JobStore>();
        if (!store->open(dataDir())) {
            error = store->errorString();
            return false;
        }
        return true;
    }

    static GenerationRequest request(const QString& prompt) {
        GenerationRequest r;
        r.prompt = prompt;
        r.model = QStringLiteral("v4.5");
        r.quality = QStringLiteral("540p");
        r.duration = 5;
        r.aspectRatio = QStringLiteral("16:9");
        return r;
    }

    QList<qint64> enqueue(int count,
                          const QString& prefix = QStringLiteral("A lighthouse in a storm, take")) {
        QList<qint64> ids;
        for (int i = 0; i < count; ++i) {
            const Result<Job> job =
                engine->enqueue(request(QStringLiteral("%1 %2").arg(prefix).arg(i + 1)));
            if (job.ok())
                ids << job.value->id;
        }
        return ids;
    }

    //! A 640×360 PNG of `colour` in the bed's folder (empty when it cannot be written).
    QString makePng(const QString& name, QColor colour) const {
        QImage image(640, 360, QImage::Format_RGB32);
        image.fill(colour);
        const QString path = dir.filePath(name);
        return image.save(path, "PNG") ? path : QString();
    }

    int countIn(JobState state) const { return store->count(state); }
    bool allIn(JobState state) const { return store->count(state) == store->jobs().size(); }
    bool anyIn(JobState state) const { return store->count(state) > 0; }

    QStringList libraryFiles(const QString& pattern) const {
        return QDir(libraryDir()).entryList({pattern}, QDir::Files, QDir::Name);
    }

    int clientTimeoutMs = 3000;
    QString error;
    QTemporaryDir dir;
    std::unique_ptr<sandbox::SandboxHost> sandbox;
    QNetworkAccessManager network;
    std::unique_ptr<Backend> backend;
    std::unique_ptr<JobStore> store;
    std::unique_ptr<JobEngine> engine;
};

//! Samples a number on a short timer and keeps the largest value seen.
class MaxSampler {
public:
    MaxSampler(std::function<int()> sample, int everyMs = 2)
        : m_sample(std::move(sample)) {
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_max = std::max(m_max, m_sample());
            ++m_samples;
        });
        m_timer.start(everyMs);
    }
    int max() const { return m_max; }
    int samples() const { return m_samples; }
    void stop() { m_timer.stop(); }

private:
    std::function<int()> m_sample;
    QTimer m_timer;
    int m_max = 0;
    int m_samples = 0;
};

} // namespace pixverse::test
