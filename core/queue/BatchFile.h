#pragma once

#include "core/api/ApiTypes.h"
#include "core/generation/GenerationRequest.h"
#include "core/generation/PriceQuote.h"

#include <QJsonObject>
#include <QList>
#include <QString>

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

// The "batch" helper moves requestFromKeys() and applyGenerationKeys() here from
// app/cli/CliOptions.h (the CLI and the window then read batch lines with the same code).
//! The keys of a request's settings (what requestFromKeys reads back into the same request):
//! how the window passes the composer's settings as a batch's defaults.
QJsonObject generationKeys(const GenerationRequest& request);

//! A prompt list (.txt: one prompt a line) or JSON Lines (.jsonl: one object a line, keys as
//! requestFromKeys; an image relative to the file). Blank lines and lines starting with # are
//! skipped. `defaults` fill what a line leaves out. Each line is checked against the catalog's
//! rules (and its image read): a bad line is an entry with its refusal, never the end of the
//! file.
BatchContents readBatchFile(const QString& path, const QJsonObject& defaults,
                            const ModelCatalog& catalog, ApiFamily family);
//! A folder of images (png, jpg, jpeg, webp; by name): one image-to-video job an image with
//! the defaults' settings. When the defaults' mode is a transition, images pair by name into
//! first and last frames ("x_start"/"x_end", "x-first"/"x-last", "x_1"/"x_2"); an image
//! without its pair is a refused entry.
BatchContents readImageFolder(const QString& folder, const QJsonObject& defaults,
                              const ModelCatalog& catalog, ApiFamily family);
//! readImageFolder for a folder, readBatchFile for a file.
BatchContents readBatchSource(const QString& path, const QJsonObject& defaults,
                              const ModelCatalog& catalog, ApiFamily family);
//! Prices every accepted entry with `quote` (PriceBook::quote).
void priceBatch(BatchContents& contents,
                const std::function<PriceQuote(const GenerationRequest&)>& quote);

} // namespace pixverse
