#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiTypes.h"
#include "core/api/ExponentialBackoff.h"
#include "core/jobs/Job.h"
#include "core/jobs/JobTransitions.h"
#include "core/jobs/QueueRules.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace pixverse {

class Backend;
class JobStore;

//! The outer, long-term retry layer (ApiClient's RetryPolicy is the short inner one).
struct BackoffPolicy {
    int initialMs = 2000;                   //!< first wait after a transient error or 500044
    int maxMs = 5 * 60 * 1000;              //!< the cap of the doubling
    int learnedLimitTtlMs = 10 * 60 * 1000; //!< how long a limit learned from 500044 holds
};

//! Takes queued jobs from the store in order and sends them (upload every local input, one after
//! the other, each result committed → create), never with
//! more jobs holding a generation slot (Uploading, Submitting, Generating) than
//! min(setting, account limit, limit learned from 500044). Every state change is committed to
//! the store before the request that follows it is sent.
//!
//! Errors: 500044 puts the job back in the queue (new trace id) and holds the queue for a while;
//! transient errors (isRetryable(), malformed replies) wait with a capped exponential backoff,
//! honouring Retry-After — when the create may have reached the service (network, timeout,
//! HTTP 5xx/429, bad reply) the job stays Submitting and is resent with the SAME trace id, so the
//! service answers with the video it already made; refusals (parameters, moderation, credits,
//! image) and auth errors fail the job at once with ApiError::userMessage(). An auth error also
//! pauses the scheduler until resume().
class JobScheduler : public QObject {
    Q_OBJECT
public:
    JobScheduler(JobStore* store, Backend* backend, QObject* parent = nullptr);
    ~JobScheduler() override;

    void setConcurrencyCap(int cap); //!< the setting, 1..20 (default 5)
    int concurrencyCap() const { return m_cap; }
    //! What the account's plan allows, when known; empty: only the setting and 500044 decide.
    void setAccountLimit(std::optional<int> limit);
    //! min(setting, account limit, limit learned from a recent 500044).
    int effectiveLimit() const;
    void setBackoffPolicy(const BackoffPolicy& policy);
    BackoffPolicy backoffPolicy() const { return m_policy; }

    //! Starts submitting. Jobs found Uploading (the app died mid-upload) go back to the queue and
    //! upload only the inputs they have no stored result for;
    //! jobs found Submitting are resent with their stored trace id.
    void start();
    //! Cancels the requests in flight; the jobs stay in the store as they are (as after a crash).
    void stop();
    bool isRunning() const { return m_running; }
    //! Paused after an auth error: nothing is sent until resume().
    bool isPaused() const { return m_paused; }
    void resume();

    // --- Queue control (issue 19) ----------------------------------------------------------
    //! The creator's pause of the whole queue (JobEngine keeps it across restarts): no queued
    //! job is started; creates already sent are still resent, uploads under way go on.
    void setQueuePaused(bool paused);
    bool isQueuePaused() const { return m_queuePaused; }
    //! New jobs start only inside this window (local time); empty: at any time.
    void setRunWindow(std::optional<RunWindow> window);
    std::optional<RunWindow> runWindow() const { return m_runWindow; }
    //! Asked before a queued job starts: a sentence when it may not go now (a credit cap). The
    //! queue then pauses (setQueuePaused(true)) and queueStopped(reason) tells why. Empty: go.
    using Admission = std::function<QString(const Job& next)>;
    void setAdmission(Admission admission);

    //! Cancels a job that has not reached the service: Queued (or Uploading). False otherwise.
    bool cancel(qint64 jobId);

    //! The job-level retry of a failed download: how long to wait before attempt `failures` + 1
    //! (the same capped doubling and Retry-After rule as a create), or nothing when the error
    //! is final. The transfer-level retries are ApiClient's and already happened.
    std::optional<int> downloadRetryDelay(int failures, const ApiError& error) const;

    // --- Generate with an image (issue 20) ------------------------------------------------
    //! Starts uploading `original` at once, before its job exists, while the store makes its
    //! copy (JobEngine::enqueueAsync): the first byte leaves without waiting for the copy. 0, and
    //! nothing sent, when the queue would not start a new job now. The result waits for the job:
    //! claimEarlyUpload() names the store's copy it stands for, dropEarlyUpload() forgets it.
    qint64 startEarlyUpload(const QString& original);
    //! `copy` (the store's copy, the same bytes) is what the early upload sent: the next job to
    //! upload `copy` takes its result (or waits for it) instead of sending the file again. The
    //! job's row is written only once the copy is committed, so it never names an upload whose
    //! file the store does not have.
    void claimEarlyUpload(qint64 earlyId, const QString& copy);
    void dropEarlyUpload(qint64 earlyId);
    int earlyUploadCount() const { return static_cast<int>(m_early.size()); }

    int activeCount() const; //!< jobs holding a slot, from the store
    int inFlightCount() const { return static_cast<int>(m_inFlight.size()); }

public Q_SLOTS:
    //! Looks for work soon (coalesced). Called on every store change.
    void schedule();

Q_SIGNALS:
    //! The service accepted the job: it is Generating and has its video id.
    void jobSubmitted(qint64 jobId);
    //! The job waits `delayMs` before its next attempt (500044 or a transient error).
    void jobDeferred(qint64 jobId, int delayMs, const pixverse::ApiError& reason);
    //! The job failed for good (state Failed).
    void jobFailed(qint64 jobId, const pixverse::ApiError& reason);
    void pausedChanged(bool paused);
    //! The creator's pause of the queue changed (setQueuePaused, or a cap stopped it).
    void queuePausedChanged(bool paused);
    //! The queue paused itself before `jobId`: `reason` is the sentence (a credit cap reached).
    void queueStopped(qint64 jobId, const QString& reason);
    //! Bytes of the job's inputs sent so far, of all its inputs together (images, video, audio;
    //! the composer shows it when the job starts). `jobId` 0: an image sent before its job is
    //! stored (startEarlyUpload), of that image alone; its job says the same bytes again, of all
    //! its inputs, once it takes the upload.
    void uploadProgress(qint64 jobId, qint64 sent, qint64 total);

private:
    //! An upload started before its job existed (startEarlyUpload).
    struct EarlyUpload {
        QString copy; //!< the store's copy it stands for; empty until claimed
        RequestHandle handle;
        std::optional<Result<UploadedImage>> result;             //!< when it ended unclaimed
        std::function<void(Result<UploadedImage>)> then;         //!< the job's, once it waits
        std::function<void(qint64 sent, qint64 total)> progress; //!< the job's
        qint64 sent = 0;      //!< the request body's bytes sent so far...
        qint64 bodyBytes = 0; //!< ...of these (0 until the network says)
    };
    //! The early upload claimed for `copy`, taken out of the list; null when there is none.
    std::shared_ptr<EarlyUpload> takeEarlyUpload(const QString& copy);
    void pass();
    //! Starts queued jobs in the queue's order (held ones skipped) while fewer than the limit
    //! hold a slot; stops the queue when the admission refuses the next one.
    void startQueued(int active, const QDateTime& now,
                     const std::function<void(const QDateTime&)>& wakeAt);
    //! When the run window opens next, if `now` is outside it; invalid when inside (or none).
    QDateTime nextWindowStart(const QDateTime& now) const;
    void startUpload(Job job);
    void startCreate(Job job);
    //! One input's upload ended: `keep` stores its result in the job's uploads when `error` is
    //! none; then the next input, or the create.
    void onInputUploaded(qint64 jobId, const ApiError& error,
                         const std::function<void(RequestInputs&)>& keep);
    void onCreated(qint64 jobId, const QString& traceId, const Result<CreatedVideo>& result);
    //! Waits and tries again; OutcomeUnknown: the create may have reached the service.
    void defer(Job job, const ApiError& error, JobEvent event, int delayMs);
    void failJob(Job job, const ApiError& error);
    void pause();
    //! The wait after `failures` failures in a row, at least what Retry-After asks.
    int delayAfter(int failures, const ApiError& error) const;
    //! The next step of the shared transient backoff, at least what Retry-After asks.
    int transientDelay(const ApiError& error);
    bool holding(const QDateTime& now) const { return m_holdUntil.isValid() && m_holdUntil > now; }

    JobStore* m_store;
    QPointer<Backend> m_backend;
    int m_cap = 5;
    std::optional<int> m_accountLimit;
    std::optional<int> m_learnedLimit;
    QDateTime m_learnedUntil;
    BackoffPolicy m_policy;
    ExponentialBackoff m_transientBackoff;
    ExponentialBackoff m_concurrencyBackoff;
    QDateTime m_holdUntil; //!< nothing new is sent before this (after 500044 or a transient error)
    QHash<qint64, RequestHandle> m_inFlight;
    QTimer m_wake;
    bool m_passQueued = false;
    bool m_running = false;
    bool m_paused = false;
    bool m_queuePaused = false;
    std::optional<RunWindow> m_runWindow;
    Admission m_admission;
    QHash<qint64, std::shared_ptr<EarlyUpload>> m_early;
    qint64 m_lastEarlyId = 0;
};

} // namespace pixverse
