// ModelCatalog and the modes of issue 17: an effect's template facts and fusion's named
// references (§2.15, §2.19, errors 500070/500071), each refusal one sentence.
#include "core/api/ApiError.h"
#include "core/generation/ModelCatalog.h"
#include "core/generation/ReferenceNames.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>

namespace pixverse {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pixverse::ModelCatalog", text);
}
//! A message with a count: lupdate reads `tr(text, nullptr, n)` as a plural.
QString tr(const char* text, const char* disambiguation, int n) {
    return QCoreApplication::translate("pixverse::ModelCatalog", text, disambiguation, n);
}

void add(QList<RuleViolation>& out, RuleViolation::Kind kind, const QString& field,
         const QString& reason, const QStringList& fields = {}) {
    out << RuleViolation{kind, field, reason, fields.isEmpty() ? QStringList{field} : fields};
}

//! The image counts of an effect: exactly as many Start images as the template takes.
void addImageCountViolations(int wanted, qsizetype chosen, QList<RuleViolation>& out) {
    using Kind = RuleViolation::Kind;
    const QString images = QStringLiteral("images");
    if (chosen == wanted)
        return;
    if (wanted == 0) {
        add(out, Kind::NotAllowed, images,
            tr("This effect makes its video from the prompt alone; remove the images."));
    } else if (wanted == 1) {
        if (chosen == 0)
            add(out, Kind::Missing, images, tr("Choose the image for this effect."));
        else
            add(out, Kind::NotAllowed, images,
                tr("This effect takes one image; remove the others."));
    } else if (chosen < wanted) {
        add(out, Kind::Missing, images,
            tr("This effect takes %n images; add %1 more.", nullptr, wanted).arg(wanted - chosen));
    } else {
        add(out, Kind::NotAllowed, images,
            tr("This effect takes %n images; remove %1.", nullptr, wanted).arg(chosen - wanted));
    }
}

//! Each reference's name: present, usable, and unlike the others (case aside).
void addNameViolations(const QList<RequestImage>& references, QList<RuleViolation>& out) {
    using Kind = RuleViolation::Kind;
    const QString field = QStringLiteral("references");
    QSet<QString> seen;
    QSet<QString> reported;
    for (const RequestImage& reference : references) {
        if (reference.name.isEmpty()) {
            add(out, Kind::Missing, field,
                tr("Give the reference %1 a name: the prompt refers to it as @name.")
                    .arg(QFileInfo(reference.path).fileName()));
            continue;
        }
        if (!reference_names::isValidName(reference.name)) {
            add(out, Kind::NotAllowed, field,
                tr("The reference name \"%1\" cannot be used: a name has up to %2 bytes of "
                   "letters, digits, _ and -.")
                    .arg(reference.name)
                    .arg(reference_names::kMaxNameBytes));
            continue;
        }
        const QString key = reference.name.toCaseFolded();
        if (seen.contains(key) && !reported.contains(key)) {
            reported.insert(key);
            add(out, Kind::NotAllowed, field,
                tr("Two references are called \"%1\": give each its own name.")
                    .arg(reference.name));
        }
        seen.insert(key);
    }
}

//! Every `@name` of the prompt must be a reference's name, written exactly (§2.15).
void addMentionViolations(const QString& prompt, const QList<RequestImage>& references,
                          QList<RuleViolation>& out) {
    const QStringList fields{QStringLiteral("references"), QStringLiteral("prompt")};
    QSet<QString> reported;
    for (const reference_names::Mention& mention : reference_names::mentions(prompt)) {
        if (reported.contains(mention.name))
            continue;
        QString sameButCase;
        bool known = false;
        for (const RequestImage& reference : references) {
            known = known || reference.name == mention.name;
            if (reference.name.compare(mention.name, Qt::CaseInsensitive) == 0)
                sameButCase = reference.name;
        }
        if (known)
            continue;
        reported.insert(mention.name);
        // 400017 (inferred, §2.15): the service refuses a prompt naming an unknown reference.
        const QString reason =
            sameButCase.isEmpty()
                ? tr("The prompt mentions @%1, but no reference has that name.").arg(mention.name)
                : tr("The prompt mentions @%1, but the reference is called @%2: write the name "
                     "exactly.")
                      .arg(mention.name, sameButCase);
        add(out, RuleViolation::Kind::NotAllowed, fields.first(), reason, fields);
    }
}

} // namespace

void ModelCatalog::addEffectViolations(const GenerationRequest& r, QList<RuleViolation>& out) {
    using Kind = RuleViolation::Kind;
    const QString field = QStringLiteral("template");
    if (r.templateId <= 0) {
        add(out, Kind::Missing, field, tr("Choose an effect template."));
        return;
    }
    // What the list said, or what an earlier answer taught (500070, 500071): refused here with
    // the service's own sentence rather than sent to be refused.
    if (r.templateNeedsActivation)
        add(out, Kind::NotAllowed, field, ApiError::serviceSentence(500070));
    addImageCountViolations(std::max(0, r.templateImageCount),
                            r.imagesWith(RequestImage::Role::Start).size(), out);
    if (!r.templateQualities.isEmpty() && !r.quality.isEmpty() &&
        !r.templateQualities.contains(r.quality))
        add(out, Kind::NotAllowed, QStringLiteral("quality"), ApiError::serviceSentence(500071));
}

void ModelCatalog::addReferenceViolations(const GenerationRequest& r, const ModelSpec& spec,
                                          QList<RuleViolation>& out) {
    using Kind = RuleViolation::Kind;
    const QString field = QStringLiteral("references");
    const QList<RequestImage> references = r.references();
    if (references.isEmpty()) {
        add(out, Kind::Missing, field, tr("Add at least one subject or background."));
        return;
    }
    const ModelSpec::FusionLimits& limits = spec.fusion;
    const qsizetype subjects = r.imagesWith(RequestImage::Role::Subject).size();
    const qsizetype backgrounds = references.size() - subjects;
    if (limits.maxImages > 0 && references.size() > limits.maxImages)
        add(out, Kind::NotAllowed, field,
            tr("%1 takes at most %2 references; remove %3.")
                .arg(spec.label)
                .arg(limits.maxImages)
                .arg(references.size() - limits.maxImages));
    if (limits.maxSubjects > 0 && subjects > limits.maxSubjects)
        add(out, Kind::NotAllowed, field,
            tr("%1 takes at most %2 subjects.").arg(spec.label).arg(limits.maxSubjects));
    if (limits.maxBackgrounds > 0 && backgrounds > limits.maxBackgrounds)
        add(out, Kind::NotAllowed, field,
            tr("%1 takes at most %2 backgrounds.").arg(spec.label).arg(limits.maxBackgrounds));
    addNameViolations(references, out);
    addMentionViolations(r.prompt, references, out);
    // The fusion body has no style or camera movement (§2.15 as the client sends it).
    if (!r.style.isEmpty())
        add(out, Kind::NotAllowed, QStringLiteral("style"),
            tr("\"%1\" takes no style.").arg(generationModeLabel(r.mode)));
    if (!r.cameraMovement.isEmpty())
        add(out, Kind::NotAllowed, QStringLiteral("cameraMovement"),
            tr("\"%1\" takes no camera movement.").arg(generationModeLabel(r.mode)));
}

} // namespace pixverse
