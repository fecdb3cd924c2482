// Records the agent's spoken request with the browser's MediaRecorder and uploads it as the request body.
// Chromium records WebM/Opus, Firefox Ogg/Opus; the hub decodes both.
let recorder = null;
let chunks = [];
let stream = null;

function pickType() {
    const types = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm'];
    return types.find(t => window.MediaRecorder && MediaRecorder.isTypeSupported(t)) || '';
}

export async function start() {
    if (!navigator.mediaDevices || !window.MediaRecorder) {
        return 'This browser cannot record audio.';
    }
    try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (e) {
        return 'The microphone is not available: ' + (e && e.message ? e.message : e);
    }
    chunks = [];
    const type = pickType();
    recorder = type ? new MediaRecorder(stream, { mimeType: type }) : new MediaRecorder(stream);
    recorder.ondataavailable = e => { if (e.data && e.data.size > 0) chunks.push(e.data); };
    recorder.start(250);
    return null;
}

function stopRecorder() {
    return new Promise(resolve => {
        if (!recorder || recorder.state === 'inactive') { resolve(); return; }
        recorder.onstop = () => resolve();
        recorder.stop();
    });
}

function release() {
    if (stream) { stream.getTracks().forEach(t => t.stop()); }
    stream = null;
    recorder = null;
}

export async function cancel() {
    await stopRecorder();
    release();
    chunks = [];
}

// Stops and uploads; returns { ok, requestId, error } for the component.
export async function stopAndUpload(url) {
    const type = recorder ? (recorder.mimeType || 'audio/webm') : 'audio/webm';
    await stopRecorder();
    release();
    const blob = new Blob(chunks, { type: type });
    chunks = [];
    if (blob.size === 0) {
        return { ok: false, requestId: null, error: 'Nothing was recorded.' };
    }
    try {
        const response = await fetch(url, {
            method: 'POST', body: blob, credentials: 'same-origin',
            headers: { 'Content-Type': type.split(';')[0] }
        });
        if (response.status === 201) {
            const view = await response.json();
            return { ok: true, requestId: view.requestId, error: null };
        }
        let message = 'The recording was not accepted (' + response.status + ').';
        try {
            const problem = await response.json();
            const detail = problem.errors ? Object.values(problem.errors).flat().join(' ') : (problem.detail || problem.title);
            if (detail) message = detail;
        } catch { /* not JSON: keep the status */ }
        return { ok: false, requestId: null, error: message };
    } catch (e) {
        return { ok: false, requestId: null, error: 'The hub could not be reached: ' + e };
    }
}
