#pragma once

#include "app/cli/CliOptions.h"

#include <QJsonObject>
#include <QStringList>

namespace pixverse {

class OptionReader;

//! The parts of the command line that continue a shot (issue 16): a transition's two frames,
//! the source of extend, upscale, sound and lipsync (VIDEO_ID | FILE), their own options, and
//! last-frame's video. Every check returns the one sentence of a usage error, or empty.

//! The mode a command makes: Extend, Upscale, SoundEffect, LipSync; TextToVideo for generate
//! (its images decide: i2v, transition).
GenerationMode modeOfCommand(CliOptions::Command command);

//! extend/upscale/sound/lipsync SOURCE and last-frame VIDEO_FILE. A SOURCE of digits only is a
//! PixVerse video id (options.videoId); anything else is a local file (options.videoFile, made
//! absolute). A file named by digits is given as ./123.
QString readSourceArgument(const QStringList& positional, CliOptions& options);

//! --first-frame/--last-frame (as the keys first_frame/last_frame), --keep-sound, --audio-file,
//! --speaker and --text (as keep_sound, audio_file, speaker, text), each with its partner.
QString readContinueOptions(const OptionReader& reader, CliOptions& options);

//! Why the signed-in family cannot make `mode` (the website documents no request for it).
QString modeNotOffered(GenerationMode mode);

//! What a continuing command's keys and source say that requestFromKeys() does not set: the
//! source video (id or file), the lip sync's audio file or voice and text, keep_sound.
void applyContinueKeys(const CliOptions& options, GenerationRequest& request);

} // namespace pixverse
