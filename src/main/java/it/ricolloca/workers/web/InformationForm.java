package it.ricolloca.workers.web;

import it.ricolloca.workers.InformationChannel;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** The record of accoglienza e informazione: when, how, and which of the four contents were told (unticked: no). */
public record InformationForm(@NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate informedOn,
        @NotNull InformationChannel channel, Boolean aboutService, Boolean aboutVoluntary, Boolean aboutConditionality,
        Boolean aboutSuitableOffer) {
}
