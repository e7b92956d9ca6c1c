package it.ricolloca.shared.web;

import it.ricolloca.shared.progress.ProgressBoard;
import it.ricolloca.shared.progress.ProgressRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Where the signed-in user's long operation stands (ADR 0028): the status fragment the page polls while its
 * form is being handled, or the same figures as JSON. Another user's token, or one not yet started, reads as
 * starting.
 */
@Controller
class ProgressController {

    static final String PROGRESS = "/progress/{token}";

    private final ProgressBoard board;

    ProgressController(ProgressBoard board) {
        this.board = board;
    }

    @GetMapping(PROGRESS)
    String status(@PathVariable String token, Model model) {
        model.addAttribute("progress", board.read(token));
        return "shared/progress-status";
    }

    @GetMapping(value = PROGRESS, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> json(@PathVariable String token) {
        ProgressRecord p = board.read(token);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", p.kind());
        body.put("done", p.done());
        body.put("total", p.total());
        body.put("percentage", p.percentage());
        body.put("finished", p.finished());
        return body;
    }
}
