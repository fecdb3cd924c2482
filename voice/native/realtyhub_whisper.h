/*
 * RealtyHub's thin C layer over whisper.cpp. C# calls only these functions, so the interop never depends on the
 * layout of whisper.cpp's structs (whisper_full_params changes between releases); only this file does.
 *
 * Threading: one rh_whisper_model may be shared by any number of sessions; a session runs one transcription at a
 * time (whisper states are not safe for concurrent runs). rh_whisper_session_cancel may be called from any thread.
 */
#ifndef REALTYHUB_WHISPER_H
#define REALTYHUB_WHISPER_H

#include <stdint.h>

#if defined(_WIN32)
#  define RH_API __declspec(dllexport)
#else
#  define RH_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Results of rh_whisper_session_transcribe. */
#define RH_OK                0
#define RH_ERR_ARGUMENT     -1  /* null handle, negative sample count, ... */
#define RH_ERR_LANGUAGE     -2  /* language code whisper does not know */
#define RH_ERR_CANCELLED    -3  /* rh_whisper_session_cancel was called during the run */
#define RH_ERR_ENGINE       -4  /* whisper_full failed; the log says why */

typedef struct rh_whisper_model rh_whisper_model;
typedef struct rh_whisper_session rh_whisper_session;

/* level: ggml_log_level (1 debug, 2 info, 3 warning, 4 error, 5 continues the previous line); text is UTF-8. */
typedef void (*rh_whisper_log_fn)(int level, const char * text);

/* The whisper.cpp version compiled in, e.g. "1.9.1". */
RH_API const char * rh_whisper_version(void);

/* The x86 instruction level the library was compiled for: "avx2" (AVX2+FMA+F16C) or "baseline". */
RH_API const char * rh_whisper_cpu_level(void);

/* Routes whisper.cpp and ggml log lines to fn; NULL silences them. */
RH_API void rh_whisper_set_log(rh_whisper_log_fn fn);

/* ISO 639-1 code ("en", "ar") to whisper's language id, or -1 when unknown. */
RH_API int rh_whisper_language_id(const char * language);

/* Loads a ggml model file (CPU only). NULL on failure; the log says why. */
RH_API rh_whisper_model * rh_whisper_model_open(const char * path);
RH_API int rh_whisper_model_is_multilingual(rh_whisper_model * model);
RH_API const char * rh_whisper_model_type(rh_whisper_model * model);
RH_API void rh_whisper_model_free(rh_whisper_model * model);

/* A decoding state (KV caches, mel buffers, results) on a shared model. NULL on failure. */
RH_API rh_whisper_session * rh_whisper_session_open(rh_whisper_model * model);
RH_API void rh_whisper_session_free(rh_whisper_session * session);

/*
 * Transcribes 16 kHz mono samples in [-1, 1].
 * language: ISO 639-1 code, or NULL / "" / "auto" to detect it (English-only models always use "en").
 * threads: CPU threads for this run (>= 1). max_tokens: per segment, 0 = no limit.
 * temperature_fallback: 0 decodes once greedily; 1 retries at higher temperatures when the output looks wrong
 * (whisper's default, better text, up to 6x slower on hard audio).
 * fit_audio_context: 1 cuts the encoder's 30 s window to the length of a short clip (< 28 s) plus a margin, which
 * makes short utterances several times cheaper (whisper.cpp's audio_ctx); 0 always encodes the full window.
 */
RH_API int rh_whisper_session_transcribe(rh_whisper_session * session, const float * samples, int sample_count,
                                         const char * language, int threads, int max_tokens, int temperature_fallback,
                                         int fit_audio_context);

/*
 * Asks the current (or next) transcription to stop; it then returns RH_ERR_CANCELLED. The request stays set until
 * rh_whisper_session_reset_cancel, so a cancel that races with the start of a run is never lost.
 */
RH_API void rh_whisper_session_cancel(rh_whisper_session * session);
RH_API void rh_whisper_session_reset_cancel(rh_whisper_session * session);

/* Results of the last successful run. Times are in 10 ms units from the start of the audio. */
RH_API int rh_whisper_session_segment_count(rh_whisper_session * session);
RH_API const char * rh_whisper_session_segment_text(rh_whisper_session * session, int index);
RH_API int64_t rh_whisper_session_segment_t0(rh_whisper_session * session, int index);
RH_API int64_t rh_whisper_session_segment_t1(rh_whisper_session * session, int index);
/* The language used: the one asked for, or the detected one; NULL when unknown. */
RH_API const char * rh_whisper_session_language(rh_whisper_session * session);

#ifdef __cplusplus
}
#endif

#endif
