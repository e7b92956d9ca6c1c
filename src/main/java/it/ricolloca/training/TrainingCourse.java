package it.ricolloca.training;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** A course on one of the seed's four contents, with its length in hours. */
@Entity
@Table(name = "training_course")
public class TrainingCourse {

    private static final BigDecimal MAX_HOURS = new BigDecimal("200");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    @Enumerated(EnumType.STRING)
    private TrainingContent content;

    private String description;

    private BigDecimal hours;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    protected TrainingCourse() {
    }

    /** A new course; refused without a title or content, or with hours outside 0 to 200 (one decimal at most). */
    public static TrainingCourse create(String title, TrainingContent content, String description, BigDecimal hours,
            String by, Instant at) {
        TrainingCourse c = new TrainingCourse();
        c.title = TrainingText.required(title, 200, "training.course.title.required");
        if (content == null) {
            throw new TrainingRefusedException("training.course.content.required");
        }
        if (hours == null || hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0
                || hours.stripTrailingZeros().scale() > 1) {
            throw new TrainingRefusedException("training.course.hours.invalid");
        }
        String d = description == null || description.isBlank() ? null : description.strip();
        if (d != null && d.length() > 2000) {
            throw new TrainingRefusedException("training.course.description.tooLong");
        }
        c.content = content;
        c.description = d;
        c.hours = hours;
        c.createdBy = by;
        c.createdAt = at;
        return c;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public TrainingContent getContent() {
        return content;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public long getVersion() {
        return version;
    }
}
