/* RealtyHub's C shim over whisper.cpp: see realtyhub_whisper.h for the contract. */
#include "realtyhub_whisper.h"

#include <stdlib.h>
#include <string.h>

#include "whisper.h"

#if defined(__AVX2__) && defined(__FMA__) && defined(__F16C__)
#  define RH_CPU_LEVEL "avx2"
#else
#  define RH_CPU_LEVEL "baseline"
#endif

struct rh_whisper_model {
    struct whisper_context * context;
};

struct rh_whisper_session {
    struct whisper_context * context;
    struct whisper_state * state;
    volatile int cancel_requested;
    int has_result;
};

static rh_whisper_log_fn g_log_fn = NULL;

static void rh_forward_log(enum ggml_log_level level, const char * text, void * user_data) {
    (void) user_data;
    rh_whisper_log_fn fn = g_log_fn;
    if (fn != NULL && text != NULL) {
        fn((int) level, text);
    }
}

const char * rh_whisper_version(void) { return whisper_version(); }

const char * rh_whisper_cpu_level(void) { return RH_CPU_LEVEL; }

void rh_whisper_set_log(rh_whisper_log_fn fn) {
    g_log_fn = fn;
    /* Always our forwarder: passing NULL to whisper_log_set would restore its default, which prints to stderr. */
    whisper_log_set(rh_forward_log, NULL);
}

int rh_whisper_language_id(const char * language) {
    return language == NULL ? -1 : whisper_lang_id(language);
}

rh_whisper_model * rh_whisper_model_open(const char * path) {
    if (path == NULL) {
        return NULL;
    }
    struct whisper_context_params params = whisper_context_default_params();
    params.use_gpu = 0;
    params.flash_attn = 0;
    struct whisper_context * context = whisper_init_from_file_with_params_no_state(path, params);
    if (context == NULL) {
        return NULL;
    }
    rh_whisper_model * model = (rh_whisper_model *) calloc(1, sizeof(rh_whisper_model));
    if (model == NULL) {
        whisper_free(context);
        return NULL;
    }
    model->context = context;
    return model;
}

int rh_whisper_model_is_multilingual(rh_whisper_model * model) {
    return model == NULL ? 0 : whisper_is_multilingual(model->context);
}

const char * rh_whisper_model_type(rh_whisper_model * model) {
    return model == NULL ? "" : whisper_model_type_readable(model->context);
}

void rh_whisper_model_free(rh_whisper_model * model) {
    if (model != NULL) {
        whisper_free(model->context);
        free(model);
    }
}

rh_whisper_session * rh_whisper_session_open(rh_whisper_model * model) {
    if (model == NULL) {
        return NULL;
    }
    struct whisper_state * state = whisper_init_state(model->context);
    if (state == NULL) {
        return NULL;
    }
    rh_whisper_session * session = (rh_whisper_session *) calloc(1, sizeof(rh_whisper_session));
    if (session == NULL) {
        whisper_free_state(state);
        return NULL;
    }
    session->context = model->context;
    session->state = state;
    return session;
}

void rh_whisper_session_free(rh_whisper_session * session) {
    if (session != NULL) {
        whisper_free_state(session->state);
        free(session);
    }
}

/* ggml calls this between graph nodes; returning true stops the computation. */
static bool rh_abort_requested(void * user_data) {
    const rh_whisper_session * session = (const rh_whisper_session *) user_data;
    return __atomic_load_n(&session->cancel_requested, __ATOMIC_RELAXED) != 0;
}

/* whisper_full consults this before each 30 s window's encoder run; returning false stops it there. */
static bool rh_encoder_may_begin(struct whisper_context * context, struct whisper_state * state, void * user_data) {
    (void) context;
    (void) state;
    return !rh_abort_requested(user_data);
}

static int rh_wants_detection(const char * language) {
    return language == NULL || language[0] == '\0' || strcmp(language, "auto") == 0;
}

int rh_whisper_session_transcribe(rh_whisper_session * session, const float * samples, int sample_count,
                                  const char * language, int threads, int max_tokens, int temperature_fallback,
                                  int fit_audio_context) {
    if (session == NULL || sample_count < 0 || (samples == NULL && sample_count > 0) || threads < 1 || max_tokens < 0) {
        return RH_ERR_ARGUMENT;
    }
    if (!rh_wants_detection(language) && whisper_lang_id(language) < 0) {
        return RH_ERR_LANGUAGE;
    }
    /* English-only models have no language tokens to detect with; they always transcribe English. */
    if (rh_wants_detection(language) && !whisper_is_multilingual(session->context)) {
        language = "en";
    }

    session->has_result = 0;

    struct whisper_full_params params = whisper_full_default_params(WHISPER_SAMPLING_GREEDY);
    params.n_threads = threads;
    params.language = rh_wants_detection(language) ? "auto" : language;
    params.max_tokens = max_tokens;
    params.no_context = 1;
    params.print_progress = 0;
    params.print_realtime = 0;
    params.print_timestamps = 0;
    params.print_special = 0;
    if (!temperature_fallback) {
        params.temperature_inc = 0.0f;
    }
    /*
     * The encoder always runs over a 30 s window (1500 frames, 50 per second of audio). A short utterance can use a
     * window cut to its length plus a margin: the encoder's cost falls with it, which is what live lines need.
     * Only for clips well inside one window; longer audio is decoded window by window at full size.
     */
    if (fit_audio_context && sample_count < 16000 * 28) {
        int frames = sample_count / 320 + 64;
        params.audio_ctx = frames < 1500 ? frames : 0;
    }
    params.abort_callback = rh_abort_requested;
    params.abort_callback_user_data = session;
    params.encoder_begin_callback = rh_encoder_may_begin;
    params.encoder_begin_callback_user_data = session;

    const int result = whisper_full_with_state(session->context, session->state, params, samples, sample_count);
    if (__atomic_load_n(&session->cancel_requested, __ATOMIC_RELAXED) != 0) {
        return RH_ERR_CANCELLED;
    }
    if (result != 0) {
        return RH_ERR_ENGINE;
    }
    session->has_result = 1;
    return RH_OK;
}

void rh_whisper_session_cancel(rh_whisper_session * session) {
    if (session != NULL) {
        __atomic_store_n(&session->cancel_requested, 1, __ATOMIC_RELAXED);
    }
}

void rh_whisper_session_reset_cancel(rh_whisper_session * session) {
    if (session != NULL) {
        __atomic_store_n(&session->cancel_requested, 0, __ATOMIC_RELAXED);
    }
}

static int rh_valid_segment(rh_whisper_session * session, int index) {
    return session != NULL && session->has_result && index >= 0 &&
           index < whisper_full_n_segments_from_state(session->state);
}

int rh_whisper_session_segment_count(rh_whisper_session * session) {
    return session == NULL || !session->has_result ? 0 : whisper_full_n_segments_from_state(session->state);
}

const char * rh_whisper_session_segment_text(rh_whisper_session * session, int index) {
    return rh_valid_segment(session, index) ? whisper_full_get_segment_text_from_state(session->state, index) : NULL;
}

int64_t rh_whisper_session_segment_t0(rh_whisper_session * session, int index) {
    return rh_valid_segment(session, index) ? whisper_full_get_segment_t0_from_state(session->state, index) : -1;
}

int64_t rh_whisper_session_segment_t1(rh_whisper_session * session, int index) {
    return rh_valid_segment(session, index) ? whisper_full_get_segment_t1_from_state(session->state, index) : -1;
}

const char * rh_whisper_session_language(rh_whisper_session * session) {
    if (session == NULL || !session->has_result) {
        return NULL;
    }
    /* whisper only records a language id for multilingual models; English-only ones always decode English. */
    if (!whisper_is_multilingual(session->context)) {
        return "en";
    }
    const int id = whisper_full_lang_id_from_state(session->state);
    return id < 0 ? NULL : whisper_lang_str(id);
}
