"""The words an exported document prints around its text, in its language (English for a
language not listed here)."""

from __future__ import annotations

from domain.documents import Kind
from domain.languages import Language
from domain.manuscripts import Labels

_KINDS = (Kind.THESIS, Kind.COURSEWORK, Kind.ESSAY, Kind.ARTICLE, Kind.REPORT)
# language: (thesis, coursework, essay, article, report), author, year, contents, references,
# supervisor
_WORDS: dict[str, tuple[tuple[str, ...], str, str, str, str, str]] = {
    "en": (("Thesis", "Coursework", "Essay", "Article", "Report"),
           "Author", "Year", "Contents", "References", "Supervisor"),
    "uk": (("Дипломна робота", "Курсова робота", "Есе", "Стаття", "Звіт"),
           "Автор", "Рік", "Зміст", "Список використаних джерел", "Науковий керівник"),
    "ru": (("Дипломная работа", "Курсовая работа", "Эссе", "Статья", "Отчёт"),
           "Автор", "Год", "Содержание", "Список использованных источников",
           "Научный руководитель"),
    "it": (("Tesi di laurea", "Elaborato", "Saggio", "Articolo", "Relazione"),
           "Autore", "Anno", "Indice", "Bibliografia", "Relatore"),
    "de": (("Abschlussarbeit", "Hausarbeit", "Essay", "Artikel", "Bericht"),
           "Verfasser", "Jahr", "Inhaltsverzeichnis", "Literaturverzeichnis", "Betreuer"),
    "fr": (("Mémoire", "Devoir", "Essai", "Article", "Rapport"),
           "Auteur", "Année", "Table des matières", "Bibliographie",
           "Directeur de recherche"),
    "es": (("Tesis", "Trabajo de curso", "Ensayo", "Artículo", "Informe"),
           "Autor", "Año", "Índice", "Referencias", "Director"),
    "pl": (("Praca dyplomowa", "Praca semestralna", "Esej", "Artykuł", "Raport"),
           "Autor", "Rok", "Spis treści", "Bibliografia", "Promotor"),
    "pt": (("Tese", "Trabalho académico", "Ensaio", "Artigo", "Relatório"),
           "Autor", "Ano", "Índice", "Referências", "Orientador"),
}


def labels_for(language: Language, kind: Kind) -> Labels:
    kinds, author, year, contents, references, supervisor = _WORDS.get(language.code,
                                                                       _WORDS["en"])
    return Labels(kind=kinds[_KINDS.index(kind)], author=author, year=year,
                  contents=contents, references=references, supervisor=supervisor)
