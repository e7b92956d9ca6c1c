package it.ricolloca.places.web;

import it.ricolloca.places.Municipalities;
import it.ricolloca.places.PlaceRoutes;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The municipality picker's search for every signed-in user: at most 20 municipalities in use whose name
 * starts with (then contains) the text typed, as JSON for the {@code datalist} of the forms (static/js/places.js).
 */
@Controller
class MunicipalityController {

    /** One suggestion: the value the form stores (the name), the label shown, the province and the ISTAT code. */
    record Suggestion(String name, String label, String province, String istatCode, String code) {
    }

    private final Municipalities municipalities;

    MunicipalityController(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @GetMapping(value = PlaceRoutes.SEARCH, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Suggestion> search(@RequestParam(name = "q", defaultValue = "") String q) {
        return municipalities.search(q.length() > 100 ? q.substring(0, 100) : q, 20).stream()
                .map(m -> new Suggestion(m.name(), m.label(), m.province(), m.istatCode(), m.code())).toList();
    }
}
