// Read by Bootstrap Italia's bundle, loaded after this file: its video player (unused here) must not insert
// style elements, which the Content Security Policy refuses (ADR 0024).
window.VIDEOJS_NO_DYNAMIC_STYLE = true;
