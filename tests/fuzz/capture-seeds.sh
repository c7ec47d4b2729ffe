#!/usr/bin/env bash
# Captures the seed corpora of the reply targets from the sandbox's real answers (issue 21).
#
#   tests/fuzz/capture-seeds.sh SANDBOX_BINARY [OUT_DIR]      (default OUT_DIR: tests/fuzz/corpus)
#
# Starts the sandbox (its own folder-less state, public key and account), sends each request the
# app sends (uploads, creates of every mode, the voices, the template list, the ledger, the
# website's login, credits, frames and price formulas, and a few refusals) and writes each answer
# body, as the client receives it, to OUT_DIR/<target>/<name>.json. Needs curl and ffmpeg (the
# uploads are tiny clips made on the spot). The answers carry no secret: the sandbox's public key
# is never echoed, and its website token (in login.json) is a throw-away of this run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sandbox="${1:?usage: capture-seeds.sh SANDBOX_BINARY [OUT_DIR]}"
out="${2:-$here/corpus}"
key="sk-sandbox-local-0000000000000000"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

ASAN_OPTIONS=detect_leaks=0 "$sandbox" --port 0 --generation-seconds 1 >"$work/url" 2>"$work/log" &
pid=$!
for _ in $(seq 100); do
    [[ -s "$work/url" ]] && break
    sleep 0.2
done
base="$(head -n 1 "$work/url")"
base="${base%/}"
[[ "$base" == http://127.0.0.1:* ]] || { echo "capture-seeds.sh: the sandbox did not start" >&2; cat "$work/log" >&2; exit 1; }

uuid() { cat /proc/sys/kernel/random/uuid; }
# api NAME TARGET METHOD PATH [curl arguments...]: one OpenAPI call; the body to the corpus.
api() {
    local name="$1" target="$2" method="$3" path="$4"
    shift 4
    mkdir -p "$out/$target"
    curl -sS -X "$method" -H "API-KEY: $key" -H "Ai-trace-id: $(uuid)" "$@" \
        "$base/openapi/v2/$path" -o "$out/$target/$name.json"
}
post() { api "$1" fuzz_openapi_replies POST "$2" -H 'Content-Type: application/json' -d "$3"; }
# Ids as written (jq would read them as doubles: these are above 2^53).
field() { grep -o "\"$2\":\"\{0,1\}[^,}\"]*" "$out/fuzz_openapi_replies/$1.json" | head -n 1 | sed 's/.*:"\{0,1\}//'; }

# The uploads: an image, a video and an audio file.
ffmpeg -loglevel error -f lavfi -i "color=c=teal:s=320x240:d=0.1" -frames:v 1 "$work/still.png"
ffmpeg -loglevel error -f lavfi -i "testsrc=s=320x240:r=10:d=2" -f lavfi -i "sine=d=2" \
    -c:v libx264 -pix_fmt yuv420p -c:a aac -shortest "$work/clip.mp4"
ffmpeg -loglevel error -f lavfi -i "sine=d=2" -c:a aac "$work/voice.m4a"
api upload-image-sandbox fuzz_openapi_replies POST image/upload -F "image=@$work/still.png;type=image/png"
api upload-image-2 fuzz_openapi_replies POST image/upload -F "image=@$work/still.png;type=image/png"
api media-upload-video fuzz_openapi_replies POST media/upload -F "file=@$work/clip.mp4;type=video/mp4"
api media-upload-audio fuzz_openapi_replies POST media/upload -F "file=@$work/voice.m4a;type=audio/x-m4a"
image="$(field upload-image-sandbox img_id)"
image2="$(field upload-image-2 img_id)"
audio="$(field media-upload-audio media_id)"

# A finished video to continue, then every mode's create.
post text-to-video-sandbox video/text/generate \
    '{"model":"v5","prompt":"a lighthouse in a storm","duration":5,"quality":"540p","aspect_ratio":"16:9","seed":7}'
video="$(field text-to-video-sandbox video_id)"
sleep 2
api result-done-sandbox fuzz_openapi_replies GET "video/result/$video"
post transition video/transition/generate \
    "{\"model\":\"v6\",\"first_frame_img\":$image,\"last_frame_img\":$image2,\"prompt\":\"a bloom\",\"duration\":5,\"quality\":\"540p\",\"seed\":1,\"generate_audio_switch\":false}"
post extend video/extend/generate \
    "{\"source_video_id\":$video,\"prompt\":\"the camera rises\",\"model\":\"v6\",\"duration\":5,\"quality\":\"540p\",\"seed\":2,\"generate_audio_switch\":false}"
post upscale video/upscale/generate "{\"source_video_id\":$video}"
post sound-effect video/sound_effect/generate \
    "{\"source_video_id\":$video,\"sound_effect_content\":\"rain on a tin roof\",\"original_sound_switch\":false}"
post lip-sync video/lip_sync/generate "{\"source_video_id\":$video,\"audio_media_id\":$audio}"
post lip-sync-both video/lip_sync/generate \
    "{\"source_video_id\":$video,\"audio_media_id\":$audio,\"lip_sync_tts_speaker_id\":\"1\",\"lip_sync_tts_content\":\"hi\"}"
post extend-no-source video/extend/generate '{"prompt":"more","model":"v6","duration":5,"quality":"540p","seed":3}'
api speakers fuzz_openapi_replies GET "video/tts_speaker?speaker_type=all&page_num=1&page_size=100"
api speakers-legacy fuzz_openapi_replies GET "video/lip_sync/tts_list?page_num=1&page_size=100"

# The template list (the app's page size and both languages) and generations with templates.
api templates-en fuzz_openapi_replies GET "video/effects/templates/list?type=1&page=1&pageSize=10"
api templates-ru fuzz_openapi_replies GET "video/effects/templates/list?type=1&page=1&pageSize=10" \
    -H "Accept-Language: ru"
api templates-past-end fuzz_openapi_replies GET "video/effects/templates/list?type=1&page=99&pageSize=50"
api templates-bad-size fuzz_openapi_replies GET "video/effects/templates/list?page=1&pageSize=7"
template="$(grep -o '"effect_type":1,[^}]*"template_id":[0-9]*' \
    "$out/fuzz_openapi_replies/templates-en.json" | head -n 1 | sed 's/.*"template_id"://')"
post effect video/img/generate \
    "{\"template_id\":$template,\"img_id\":$image,\"prompt\":\"a cat\",\"model\":\"v5\",\"duration\":5,\"quality\":\"540p\"}"
post fusion video/fusion/generate \
    "{\"model\":\"v5\",\"prompt\":\"@cat naps in @room \",\"duration\":5,\"quality\":\"540p\",\"aspect_ratio\":\"16:9\",\"seed\":4,\"image_references\":[{\"type\":\"subject\",\"img_id\":$image,\"ref_name\":\"cat\"},{\"type\":\"background\",\"img_id\":$image2,\"ref_name\":\"room\"}]}"

# The ledger: the first page of a window, then a page by cursor.
today="$(date -u +%F)"
post usage-detail account/billing/usage-detail \
    "{\"limit\":3,\"start_time\":\"$today 00:00:00\",\"end_time\":\"$today 23:59:59\"}"
cursor="$(field usage-detail next_cursor)"
[[ -n "$cursor" && "$cursor" != null ]] && post usage-detail-cursor account/billing/usage-detail "{\"limit\":3,\"cursor\":\"$cursor\"}"
api balance-sandbox fuzz_openapi_replies GET account/balance

# The website: sign-in, credits, a first-and-last-frame create, the price formulas (with and
# without a token).
web() {
    local name="$1" target="$2" method="$3" path="$4"
    shift 4
    mkdir -p "$out/$target"
    curl -sS -X "$method" -H "Ai-Trace-Id: $(uuid)" -H 'Content-Type: application/json' "$@" \
        "$base/creative_platform/$path" -o "$out/$target/$name.json"
}
web login-2026 fuzz_web_replies POST login -d '{"Username":"creator@sandbox.local","Password":"sandbox-password"}'
token="$(jq -r '.Resp.Result.Token // .Resp.Token' "$out/fuzz_web_replies/login-2026.json")"
web credits-2026 fuzz_web_replies GET user/credits -H "Token: $token"
web frames fuzz_web_replies POST video/frames -H "Token: $token" \
    -d '{"customer_img_paths":["a.png","b.png"],"customer_img_urls":["https://x/a.png","https://x/b.png"],"prompt":"bloom","prompts":["bloom"],"duration":5,"durations":[5],"model":"v5.6","quality":"540p","audio":0,"preview_mode":0,"off_peak":0}'
web price-formulas fuzz_price_formulas POST pricing/formulas -H "Token: $token"
web price-formulas-no-token fuzz_price_formulas POST pricing/formulas
cp "$out/fuzz_price_formulas/price-formulas.json" "$out/fuzz_web_replies/price-formulas.json"
cp "$out/fuzz_price_formulas/price-formulas-no-token.json" "$out/fuzz_web_replies/price-formulas-no-token.json"
# The token is this run's and expires, but a seed need not keep even that.
sed -i "s/$token/0000000000000000/g" "$out/fuzz_web_replies/login-2026.json"

# The template target: the list's answers, and a cache file made of the English page as
# TemplateLibrary writes one (ids as strings, the learned facts apart).
mkdir -p "$out/fuzz_templates"
cp "$out/fuzz_openapi_replies"/templates-*.json "$out/fuzz_templates/"
jq -c '{version: 1, language: "en", fetchedAt: "2026-12-06T09:00:00.000Z",
        templates: [.Resp.effect_items[] | {id: (.template_id | tostring), name: .display_name,
            prompt: .display_prompt, previewUrl: .preview_video_url, thumbnailUrl: .preview_img_url,
            category: .category, imageCount: .effect_type, qualities: .qualities,
            model: .template_model, duration: .duration, needsActivation: false}],
        learned: {(.Resp.effect_items[0].template_id | tostring):
            {needsActivation: true, refusedQualities: ["1080p"]}}}' \
    "$out/fuzz_openapi_replies/templates-en.json" >"$out/fuzz_templates/cache-en.json"

# Every answer must be JSON (an HTML error page here means a wrong path, not a seed).
for file in "$out"/fuzz_*/*.json; do
    jq -e . "$file" >/dev/null || { echo "capture-seeds.sh: $file is not JSON" >&2; exit 1; }
done
echo "capture-seeds.sh: answers written under $out"
