package it.ricolloca.training;

/** A required line of text of a training record: trimmed, without control characters, within its length. */
final class TrainingText {

    private TrainingText() {
    }

    static String required(String value, int max, String key) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new TrainingRefusedException(key);
        }
        return value.strip().replaceAll("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]", "");
    }
}
