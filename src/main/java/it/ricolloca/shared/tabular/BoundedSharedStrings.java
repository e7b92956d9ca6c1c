package it.ricolloca.shared.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings, read with SAX and kept as plain strings, each one paid for in the import's
 * memory reservation before it is kept; a string longer than a cell may be refuses the file. Phonetic runs
 * are left out, as Excel shows them.
 */
final class BoundedSharedStrings implements SharedStrings {

    /** What the JVM spends on a kept string beside its characters, and on its slot in the list. */
    static final int STRING_OVERHEAD = 64;

    private final List<String> strings = new ArrayList<>();

    private BoundedSharedStrings() {
    }

    static BoundedSharedStrings read(InputStream in, int maxCellChars, ImportWork work) throws IOException, SAXException {
        BoundedSharedStrings table = new BoundedSharedStrings();
        if (in == null) {
            return table;
        }
        try {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new DefaultHandler() {
                private final StringBuilder text = new StringBuilder();
                private boolean inItem;
                private boolean inText;
                private int phonetic;

                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    switch (localName) {
                        case "si" -> {
                            inItem = true;
                            text.setLength(0);
                        }
                        case "rPh" -> phonetic++;
                        case "t" -> inText = inItem && phonetic == 0;
                        default -> {
                        }
                    }
                }

                @Override
                public void endElement(String uri, String localName, String qName) {
                    switch (localName) {
                        case "si" -> {
                            inItem = false;
                            work.hold(STRING_OVERHEAD + 2L * text.length());
                            table.strings.add(text.toString());
                        }
                        case "rPh" -> phonetic--;
                        case "t" -> inText = false;
                        default -> {
                        }
                    }
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    if (inText) {
                        if (text.length() + length > maxCellChars) {
                            throw new UnreadableFileException("import.file.cellTooLong", maxCellChars);
                        }
                        text.append(ch, start, length);
                    }
                }
            });
            parser.parse(new InputSource(in));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return table;
    }

    @Override
    public RichTextString getItemAt(int idx) {
        return new XSSFRichTextString(idx >= 0 && idx < strings.size() ? strings.get(idx) : "");
    }

    @Override
    public int getCount() {
        return strings.size();
    }

    @Override
    public int getUniqueCount() {
        return strings.size();
    }
}
