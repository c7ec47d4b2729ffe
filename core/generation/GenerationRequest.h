#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pixverse {

//! Which PixVerse API family a request or an account belongs to (../shared/pixverse-api.md §5).
enum class ApiFamily { OpenApi, Web };

QString apiFamilyId(ApiFamily family); //!< "openapi" or "web", as stored and in the catalog
std::optional<ApiFamily> apiFamilyFromId(const QString& id);

//! What a generation makes (issue 15). The catalog says which modes a model and family take;
//! the later modes are data in the catalog plus a request class, not new paths through the app.
enum class GenerationMode {
    TextToVideo,
    ImageToVideo,
    Transition, //!< first and last frame (§2.13, §3.11)
    Extend,     //!< continues a video (§2.14)
    Effect,     //!< an effect template (§2.19)
    Fusion,     //!< reference to video: subjects and a background with names (§2.15)
    Upscale,    //!< (§2.16)
    SoundEffect,
    LipSync
};

//! "t2v", "i2v", "transition", "extend", "effect", "fusion", "upscale", "sound", "lipsync": as
//! stored, in the catalog and on the command line.
QString generationModeId(GenerationMode mode);
std::optional<GenerationMode> generationModeFromId(const QString& id);
//! A short translated label for a creator ("Text to video", "First and last frame", …).
QString generationModeLabel(GenerationMode mode);
//! Every mode, in the order a selector lists them.
QList<GenerationMode> allGenerationModes();

//! One image a request uses, with the part it plays.
struct RequestImage {
    enum class Role {
        Start,      //!< image-to-video's image
        FirstFrame, //!< transition
        LastFrame,  //!< transition
        Subject,    //!< fusion reference
        Background  //!< fusion reference
    };
    Role role = Role::Start;
    QString path; //!< a local file (the store's own copy once the job is added)
    QString name; //!< fusion's @name in the prompt; empty otherwise

    //! "start", "first", "last", "subject", "background".
    static QString roleId(Role role);
    static std::optional<Role> roleFromId(const QString& id);

    friend bool operator==(const RequestImage&, const RequestImage&) = default;
};

//! Everything a creator chose for one generation. A value type: copied into jobs, stored as JSON.
struct GenerationRequest {
    GenerationMode mode = GenerationMode::TextToVideo;
    QString prompt;
    QString negativePrompt;
    //! The catalog's id ("v4.5", "c1"); the backends send the family's own id
    //! (ModelSpec::serviceId). Stays "v4.5" here; the editor and the CLI take the default from the
    //! catalog.
    QString model = QStringLiteral("v4.5");
    int duration = 5; //!< seconds
    QString quality = QStringLiteral("540p");
    QString aspectRatio = QStringLiteral("16:9"); //!< ignored for image-to-video: the image decides
    QString motionMode = QStringLiteral("normal"); //!< only sent where the model has motion modes
    std::optional<qint64> seed;                    //!< empty: the service picks one
    QString style;                                 //!< empty: none
    QString cameraMovement;                        //!< empty: none
    bool audio = false;                            //!< generated sound (catalog switch "audio")
    bool multiClip = false; //!< several shots in one clip (switch "multiClip"; web `multi_shot`)
    bool offPeak = false;   //!< web family (switch "offPeak")
    QList<RequestImage> images;
    qint64 sourceVideoId = 0; //!< extend, upscale, sound, lip sync: a video on the service
    QString sourceVideoPath;  //!< … or a local video file
    qint64 templateId = 0;    //!< effect
    //! What the template list said of `templateId` when the request was made (issue 17), so a
    //! job, a reuse and the checks before sending know it without the list: its name, how many
    //! images it takes, the qualities it allows (empty: the model's) and whether it is known not
    //! to be activated (500070).
    QString templateName;
    QString templatePrompt; //!< the template's own description (the prompt it starts from)
    int templateImageCount = 1;
    QStringList templateQualities;
    bool templateNeedsActivation = false;
    QString audioPath;  //!< lip sync / sound: a local audio file
    QString speechText; //!< lip sync with a system voice
    QString speakerId;
    bool keepOriginalSound = false; //!< sound: `original_sound_switch` (keep the video's own sound)
    //! Lineage (issue 16): the local job this one continues (extend, upscale, sound, lip sync, or
    //! the take whose last frame is this one's image); 0 when none.
    qint64 parentJobId = 0;
    //! What is known about the source video and the audio, read locally or from the parent job,
    //! for the limits checked before sending and for the price (sound: per started 5 s of video;
    //! lip sync: per second of audio). 0 when unknown.
    double sourceSeconds = 0;
    int sourceWidth = 0;
    int sourceHeight = 0;
    double audioSeconds = 0;

    //! The image of an image-to-video; empty when there is none.
    QString startImagePath() const;
    //! Non-empty: the start image (and ImageToVideo when the mode was TextToVideo). Empty: removes
    //! it and goes back to TextToVideo from ImageToVideo.
    void setStartImage(const QString& path);
    //! The path of the first image with `role`; empty when there is none.
    QString imagePath(RequestImage::Role role) const;
    //! Every image with `role`, in order (an effect's several images; fusion's subjects).
    QList<RequestImage> imagesWith(RequestImage::Role role) const;
    //! Fusion's Subject and Background images, in the order they are sent.
    QList<RequestImage> references() const;
    bool isImageToVideo() const { return mode == GenerationMode::ImageToVideo; }

    QJsonObject toJson() const;
    //! Reads the current form and the one before issue 15 (no `mode`, `imagePath`, `multiShot`).
    static GenerationRequest fromJson(const QJsonObject& json);

    friend bool operator==(const GenerationRequest&, const GenerationRequest&) = default;
};

//! Characters as PixVerse counts them: Unicode code points, not UTF-16 units.
qsizetype promptLength(const QString& text);

} // namespace pixverse
