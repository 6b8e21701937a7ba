package dk.tilbudsoversigt.editor;

/** The Danish line shown after an action, named in the address it redirects to (never text from the request itself). */
final class Messages {
    private Messages() {}

    static String of(Form query) {
        return switch (query.get("besked")) {
            case "gemt" -> "Gemt. Forhåndsvisningen af sitet er opdateret.";
            case "kladde" -> "Gemt som kladde. En kladde kommer ikke med på det offentlige site.";
            case "kladde-fejl" -> "Gemt som kladde med fejl. Fejlene står ved felterne herunder; sitet kan ikke bygges, før de er rettet.";
            case "oprettet" -> "Siden er oprettet som kladde med eksempler i felterne. Ret dem, og skift status til Udgivet, når siden er færdig.";
            case "kopieret" -> "Kopien er oprettet. Du redigerer nu kopien.";
            case "omdoebt" -> "Adressen er skiftet. Links i " + count(query.get("antal")) + " andre sider er rettet.";
            case "slettet" -> "Siden er lagt i papirkurven. Du kan gendanne den herunder.";
            case "gendannet" -> "Siden er gendannet.";
            default -> null;
        };
    }

    private static String count(String n) {
        return n.matches("\\d{1,6}") ? n : "0";
    }
}
