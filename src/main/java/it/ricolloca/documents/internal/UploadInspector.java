package it.ricolloca.documents.internal;

import it.ricolloca.documents.RejectedUploadException;
import it.ricolloca.documents.Upload;
import it.ricolloca.shared.limits.WorkBudget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Decides what an uploaded file really is from its first bytes, whatever its name says, and
 * refuses what the dossier must not keep: empty or oversized files (by their size, before reading
 * them), types other than PDF, PNG and JPEG, unreadable or encrypted PDFs, PDFs that act when opened,
 * and images whose declared size would exhaust memory when shown.
 * <p>
 * A PDF is parsed (names with {@code #xx} escapes come out decoded) and every object is walked, the
 * dictionaries nested inside others and inside object streams included: a JavaScript or launch action
 * anywhere, JavaScript in the names tree, an XFA form, rich media, or an embedded file that is a program
 * refuses it. Embedded files of other kinds (an XML invoice in a PDF/A-3) are allowed.
 * <p>
 * The check holds the node's memory for what it reads ({@link WorkBudget}): a node busy with other large
 * files answers that it is busy (try again later) rather than running out of memory.
 */
@Component
public class UploadInspector {

    static final long MAX_PIXELS = 40_000_000L;
    /** A PDF with more objects than this is refused: walking it would cost more than any document needs. */
    static final int MAX_PDF_OBJECTS = 500_000;
    /** What checking and keeping an upload holds in memory, as a multiple of its size. */
    static final int MEMORY_PER_BYTE = 4;

    private static final Set<COSName> ACTIVE_KEYS = Set.of(COSName.JS, COSName.JAVA_SCRIPT, COSName.getPDFName("XFA"),
            COSName.getPDFName("RichMedia"), COSName.getPDFName("RichMediaContent"));
    private static final Set<COSName> ACTIVE_ACTIONS = Set.of(COSName.JAVA_SCRIPT, COSName.getPDFName("Launch"),
            COSName.getPDFName("RichMediaExecute"), COSName.getPDFName("ImportData"));
    private static final Set<String> PROGRAM_EXTENSIONS = Set.of("exe", "dll", "com", "bat", "cmd", "scr", "pif", "msi",
            "vbs", "vbe", "js", "jse", "wsf", "wsh", "ps1", "psm1", "jar", "sh", "app", "apk", "elf", "bin", "hta",
            "lnk", "reg", "cpl", "msc", "dmg", "pkg", "run");

    private final int maxBytes;
    private final WorkBudget budget;

    UploadInspector(@Value("${ricolloca.documents.max-upload-bytes:10485760}") int maxBytes, WorkBudget budget) {
        this.maxBytes = maxBytes;
        this.budget = budget;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /**
     * Accepts the upload's size (refused when empty or over the limit, without reading it) and holds the
     * memory that checking and keeping it will take; close the reservation when done.
     */
    public WorkBudget.Reservation admit(Upload upload) {
        if (upload.size() <= 0) {
            throw new RejectedUploadException("document.upload.empty", upload.fileName());
        }
        if (upload.size() > maxBytes) {
            throw new RejectedUploadException("document.upload.tooLarge", upload.fileName(), maxBytes / (1024 * 1024));
        }
        return budget.reserve(upload.size() * MEMORY_PER_BYTE);
    }

    /** The real content type of an acceptable upload. */
    public String inspect(Upload upload) {
        try (WorkBudget.Reservation held = admit(upload)) {
            return checkAdmitted(upload);
        }
    }

    /** The check itself, within a reservation already taken by {@link #admit(Upload)}; returns the content type. */
    public String checkAdmitted(Upload upload) {
        byte[] b = upload.bytes();
        if (b.length == 0) {
            throw new RejectedUploadException("document.upload.empty", upload.fileName());
        }
        if (b.length > maxBytes) {
            throw new RejectedUploadException("document.upload.tooLarge", upload.fileName(), maxBytes / (1024 * 1024));
        }
        if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            checkPdf(upload.fileName(), b);
            return "application/pdf";
        }
        if (startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            checkImage(upload.fileName(), b, "png");
            return "image/png";
        }
        if (startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            checkImage(upload.fileName(), b, "jpeg");
            return "image/jpeg";
        }
        throw new RejectedUploadException("document.upload.type", upload.fileName());
    }

    private void checkPdf(String fileName, byte[] bytes) {
        try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBuffer(bytes), IOUtils.createTempFileOnlyStreamCache())) {
            if (pdf.isEncrypted() || pdf.getNumberOfPages() == 0) {
                throw new RejectedUploadException("document.upload.unreadable", fileName);
            }
            if (new ActiveContent(pdf.getDocument()).found()) {
                throw new RejectedUploadException("document.upload.pdfActive", fileName);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedUploadException r) {
                throw r;
            }
            throw new RejectedUploadException("document.upload.unreadable", fileName);
        }
    }

    /**
     * Walks every object of a parsed PDF: each indirect object of the cross-reference table (object streams
     * included), and inside each, every dictionary and array however deeply nested, each visited once.
     */
    static final class ActiveContent {

        private final COSDocument document;
        private final Set<COSBase> visited = Collections.newSetFromMap(new IdentityHashMap<>());

        ActiveContent(COSDocument document) {
            this.document = document;
        }

        boolean found() throws IOException {
            if (walk(document.getTrailer())) {
                return true;
            }
            for (COSObjectKey key : document.getXrefTable().keySet()) {
                COSObject object = document.getObjectFromPool(key);
                if (walk(object.getObject())) {
                    return true;
                }
            }
            return false;
        }

        private boolean walk(COSBase start) throws IOException {
            ArrayDeque<COSBase> pending = new ArrayDeque<>();
            pending.push(start == null ? COSNull.NULL : start);
            while (!pending.isEmpty()) {
                COSBase base = pending.pop();
                if (base instanceof COSObject indirect) {
                    base = indirect.getObject();
                }
                if (base == null || !visited.add(base)) {
                    continue;
                }
                if (visited.size() > MAX_PDF_OBJECTS) {
                    throw new IOException("troppi oggetti");
                }
                if (base instanceof COSDictionary d) {
                    if (isActive(d) || isProgramAttachment(d)) {
                        return true;
                    }
                    for (COSBase value : d.getValues()) {
                        pending.push(value);
                    }
                } else if (base instanceof COSArray a) {
                    for (COSBase value : a) {
                        pending.push(value);
                    }
                }
            }
            return false;
        }

        private static boolean isActive(COSDictionary d) {
            for (COSName key : d.keySet()) {
                if (ACTIVE_KEYS.contains(key)) {
                    return true;
                }
            }
            COSName action = d.getCOSName(COSName.S);
            return action != null && ACTIVE_ACTIONS.contains(action);
        }

        /** A file specification whose embedded file is a program, by its name or its first bytes. */
        private static boolean isProgramAttachment(COSDictionary d) throws IOException {
            if (!(d.getDictionaryObject(COSName.EF) instanceof COSDictionary embedded)) {
                return false;
            }
            for (COSName nameKey : new COSName[] {COSName.F, COSName.UF, COSName.getPDFName("DOS"),
                    COSName.getPDFName("Unix"), COSName.getPDFName("Mac")}) {
                String name = d.getString(nameKey);
                if (name != null && isProgramName(name)) {
                    return true;
                }
            }
            for (COSBase value : embedded.getValues()) {
                COSBase file = value instanceof COSObject o ? o.getObject() : value;
                if (file instanceof COSStream stream && isProgramContent(stream)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isProgramName(String name) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            int dot = n.lastIndexOf('.');
            return dot >= 0 && PROGRAM_EXTENSIONS.contains(n.substring(dot + 1));
        }

        private static boolean isProgramContent(COSStream stream) throws IOException {
            byte[] head;
            try (InputStream in = stream.createInputStream()) {
                head = in.readNBytes(4);
            }
            return startsWith(head, new byte[] {'M', 'Z'}) || startsWith(head, new byte[] {0x7F, 'E', 'L', 'F'})
                    || startsWith(head, new byte[] {'#', '!'})
                    || startsWith(head, new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE})
                    || startsWith(head, new byte[] {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE});
        }
    }

    private void checkImage(String fileName, byte[] bytes, String format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                throw new RejectedUploadException("document.upload.unreadable", fileName);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new RejectedUploadException("document.upload.imageTooLarge", fileName);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedUploadException r) {
                throw r;
            }
            throw new RejectedUploadException("document.upload.unreadable", fileName);
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
