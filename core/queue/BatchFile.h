#pragma once

#include "core/api/ApiTypes.h"
#include "core/generation/GenerationRequest.h"
#include "core/generation/PriceQuote.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace pixverse {

class ModelCatalog;

//! One job a batch would queue (issue 19), or a line refused with its reason.
struct BatchEntry {
    QString source; //!< what a creator recognises: "prompts.txt, line 3", "cat.png"
    QString origin; //!< Job::origin for it: "batch:<file name>#<line>" (or "#<image name>")
    GenerationRequest request;
    QString refusal;  //!< why this one is not queued (its own sentence); empty: it will be
    PriceQuote price; //!< set by priceBatch()
    //! The line as written in the file (a line refused before it became a request shows it);
    //! empty for a folder's image.
    QString text;
    //! The refusal is about the line as written (not JSON, an unknown key, a wrong type), not
    //! about the generation it asks for (the catalog's rules, its images).
    bool lineRefused = false;

    bool accepted() const { return refusal.isEmpty(); }
};

//! What a batch source holds, line by line, before anything is queued.
struct BatchContents {
    QList<BatchEntry> entries;
    QString error; //!< the whole source cannot be read (missing, unreadable, not a batch)

    int acceptedCount() const;
    //! The accepted entries' prices together; unknown when one of them has none.
    PriceQuote total() const;
};

//! Why the request cannot be sent: the catalog's first reason (a model or a mode the family is
//! not offered included, e.g. v4.5 or extend on the website). Empty when it can.
//! `promptMayFollow`: a missing prompt is not a reason yet (an extend of a take in the job list
//! takes the take's prompt).
QString whyRefused(const GenerationRequest& request, const ModelCatalog& catalog, ApiFamily family,
                   bool promptMayFollow = false);
//! The image checks the engine makes before an upload (PreparedImage::intoStore: ImageCheck's
//! rules, nothing scaled, no copy kept) on every image of `request`: the first refusal (a
//! sentence naming the file), or empty. Reads and decodes the files: not on the GUI thread.
QString imageProblem(const GenerationRequest& request);

//! A generation from its keys (those of a batch line: prompt, negative_prompt, model, mode,
//! duration, quality, aspect, motion, seed, style, camera, audio, multi_clip, off_peak, image
//! (an absolute path; "" for none), first_frame and last_frame (a transition's images)): the
//! family's default model unless `model` names one (by the catalog's id or a service id), the
//! other defaults fitted to that model and the mode (`mode` unless the keys name one), then
//! every key given, unchanged (the caller validates). Other keys are left to the caller.
//! Returns the sentence about a key of the wrong type, or empty.
QString requestFromKeys(const QJsonObject& keys, const ModelCatalog& catalog, ApiFamily family,
                        GenerationRequest& request,
                        GenerationMode mode = GenerationMode::TextToVideo);
//! Sets what `keys` give over `request` (no model default, no fitting: a continuation keeps
//! what its take chose unless a key says otherwise). The sentence about a wrong key, or empty.
QString applyGenerationKeys(const QJsonObject& keys, const ModelCatalog& catalog, ApiFamily family,
                            GenerationRequest& request);
//! The keys a batch line may have (requestFromKeys's), as written in the file.
QStringList batchLineKeys();
//! The keys of a request's settings (what requestFromKeys reads back into the same request):
//! how the window passes the composer's settings as a batch's defaults.
QJsonObject generationKeys(const GenerationRequest& request);

//! A prompt list (.txt: one prompt a line) or JSON Lines (.jsonl: one object a line, keys as
//! requestFromKeys or the API's: aspect_ratio, motion_mode, camera_movement, negative-prompt,
//! generate_audio_switch, generate_multi_clip_switch; an image relative to the file); a line
//! starting with { is JSON in either. Blank lines and lines starting with # are skipped.
//! `defaults` fill what a line leaves out (their "mode" is not used: a line's images decide).
//! Each line is checked against the catalog's rules and its images read (ImageCheck): a bad line
//! (not JSON, an unknown key, a wrong type, an image missing or unreadable, a rule broken) is an
//! entry with its refusal, never the end of the file. Only a file that cannot be read at all (or
//! is over 16 MB) is an error. Blocking: callers use the thread pool.
BatchContents readBatchFile(const QString& path, const QJsonObject& defaults,
                            const ModelCatalog& catalog, ApiFamily family);
//! A folder of images (png, jpg, jpeg, webp; by name, numbers in order: "2" before "10"): one
//! image-to-video job an image with the defaults' settings (their image replaced). When the
//! defaults' mode is a transition, images pair by name into first and last frames
//! ("x_start"/"x_end", "x-first"/"x-last", "x_1"/"x_2"; either separator, any case); an image
//! without its pair is a refused entry. Every image is checked as readBatchFile's; blocking.
BatchContents readImageFolder(const QString& folder, const QJsonObject& defaults,
                              const ModelCatalog& catalog, ApiFamily family);
//! readImageFolder for a folder, readBatchFile for a file.
BatchContents readBatchSource(const QString& path, const QJsonObject& defaults,
                              const ModelCatalog& catalog, ApiFamily family);
//! Prices every accepted entry with `quote` (PriceBook::quote).
void priceBatch(BatchContents& contents,
                const std::function<PriceQuote(const GenerationRequest&)>& quote);

} // namespace pixverse
