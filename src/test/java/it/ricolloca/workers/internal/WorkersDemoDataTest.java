package it.ricolloca.workers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.shared.CodiceFiscale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The demo workers have valid codes, and the README lists exactly those codes. */
class WorkersDemoDataTest {

    @Test
    void theReadmeListsTheDemoWorkersWithTheirValidCodes() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (WorkersDemoData.DemoWorker w : WorkersDemoData.WORKERS) {
            String code = WorkersDemoData.taxCode(w);
            assertThat(CodiceFiscale.isValid(code)).as(code).isTrue();
            assertThat(readme).contains("| " + w.firstName() + " " + w.lastName() + " | `" + code + "` |");
        }
    }
}
