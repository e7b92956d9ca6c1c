package it.ricolloca.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.pathway.internal.DiarySheet;
import it.ricolloca.pathway.internal.Meetings;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The printable activation diary read back with PDFBox: the entries the worker recorded in parts A
 * and B are printed, the seed's 2016 examples are not, and the rows left blank are at least 8 mm
 * high, measured on the lines the PDF draws.
 */
@IntegrationTest
class DiaryPdfTest {

    /** 8 mm in PDF points (1 pt = 1/72 inch). */
    static final double EIGHT_MM = 8 / 25.4 * 72;

    @Autowired ReleasedWorkers released;
    @Autowired ClosedPathways closed;
    @Autowired PathwayWork work;
    @Autowired Meetings meetings;

    @Test
    void theDiaryPrintsTheRecordedEntriesThenBlankRowsAtLeastEightMillimetresHigh() throws Exception {
        CurrentUser tutor = released.user("tutor.torino");
        long id = closed.started(closed.newTorinoOffice(), "Diarista", "Elena", 3);
        meetings.addDiaryEntry(tutor, id, closed.version(id), DiaryAction.CV, Dates.today().minusDays(2),
                "Curriculum europeo aggiornato", null, null, "Completato", DiaryEntry.Source.PAPER_DIARY);
        meetings.addDiaryEntry(tutor, id, closed.version(id), DiaryAction.SPONTANEOUS_APPLICATION, Dates.today().minusDays(1),
                "Consegna a mano", "Officina Rossi", "Tornitore", "In attesa", DiaryEntry.Source.WORKER);

        byte[] pdf = work.diaryPdf(tutor, id);

        String text = text(pdf);
        assertThat(text).contains("Curriculum europeo aggiornato", "Completato", "Predisposizione del Curriculum Vitae",
                Dates.format(Dates.today().minusDays(2)), "Consegna a mano", "Officina Rossi", "Tornitore",
                "In attesa", "Elena Diarista");
        assertThat(text).doesNotContain("Esempio", "2016", "Alleggerente", "xxx@xxx.com");
        assertThat(text.indexOf("Curriculum europeo aggiornato")).isLessThan(text.indexOf("Officina Rossi"));

        assertThat(DiarySheet.ROW_HEIGHT_MM).isGreaterThanOrEqualTo(8);
        List<Double> rows = rowHeights(pdf);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(DiarySheet.BLANK_ROWS_A + DiarySheet.BLANK_ROWS_B);
        // the document ends with part B's blank rows: the last rows drawn are the ones left to write in
        List<Double> lastRows = rows.subList(rows.size() - 8, rows.size());
        assertThat(lastRows).allSatisfy(h -> assertThat(h).isGreaterThanOrEqualTo(EIGHT_MM));
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    /**
     * The heights of the table rows, page by page from the top: the distances between successive
     * horizontal rules the PDF draws (a rule is a path much wider than it is high).
     */
    private static List<Double> rowHeights(byte[] pdf) throws Exception {
        List<Double> heights = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                Rules rules = new Rules(page);
                rules.processPage(page);
                List<Double> ys = new ArrayList<>(rules.ys.descendingSet());
                for (int i = 1; i < ys.size(); i++) {
                    double gap = ys.get(i - 1) - ys.get(i);
                    if (gap < 3 * EIGHT_MM) {
                        heights.add(gap);
                    }
                }
            }
        }
        return heights;
    }

    /** Collects the vertical position of every horizontal rule drawn on a page (rounded to a tenth of a point). */
    private static final class Rules extends PDFGraphicsStreamEngine {

        final TreeSet<Double> ys = new TreeSet<>();
        private Rectangle2D bounds;

        Rules(PDPage page) {
            super(page);
        }

        private void add(Point2D p) {
            if (bounds == null) {
                bounds = new Rectangle2D.Double(p.getX(), p.getY(), 0, 0);
            } else {
                bounds.add(p);
            }
        }

        private void end() {
            if (bounds != null && bounds.getWidth() > 20 && bounds.getHeight() < 2) {
                ys.add(Math.round(bounds.getCenterY() * 10) / 10.0);
            }
            bounds = null;
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            add(p0);
            add(p1);
            add(p2);
            add(p3);
        }

        @Override
        public void moveTo(float x, float y) {
            add(new Point2D.Float(x, y));
        }

        @Override
        public void lineTo(float x, float y) {
            add(new Point2D.Float(x, y));
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            add(new Point2D.Float(x3, y3));
        }

        @Override
        public Point2D getCurrentPoint() {
            return new Point2D.Float(0, 0);
        }

        @Override
        public void closePath() {
        }

        @Override
        public void endPath() {
            bounds = null;
        }

        @Override
        public void strokePath() {
            end();
        }

        @Override
        public void fillPath(int windingRule) {
            end();
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            end();
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void drawImage(PDImage pdImage) {
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }
    }
}
