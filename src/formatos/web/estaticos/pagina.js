// formatos web: lo poco que necesita JavaScript (la página funciona también sin él, salvo arrastrar el archivo).
"use strict";

document.documentElement.classList.add("js");

function elegirArchivo() {
  const formulario = document.getElementById("form-subir");
  if (!formulario) return;
  const zona = document.getElementById("zona");
  const entrada = document.getElementById("archivo");
  const aviso = document.getElementById("aviso-archivo");
  const elegido = document.getElementById("nombre-archivo");
  const limite = Number(formulario.dataset.limite);

  function revisar(alEnviar) {
    const archivo = entrada.files[0];
    aviso.textContent = "";
    elegido.textContent = archivo ? archivo.name : "Ningún archivo elegido";
    if (!archivo) {
      if (alEnviar) aviso.textContent = "Elija primero el archivo (o arrástrelo a la zona de arriba).";
      return !alEnviar;
    }
    if (!/\.(xlsx|xlsm|json)$/i.test(archivo.name)) {
      aviso.textContent = "«" + archivo.name + "» no es un libro de Excel (.xlsx) ni un archivo .json.";
      return false;
    }
    if (archivo.size > limite) {
      aviso.textContent = "«" + archivo.name + "» pesa más de " + formulario.dataset.limiteTexto +
        ", el límite de esta página.";
      return false;
    }
    return true;
  }

  ["dragenter", "dragover"].forEach(function (evento) {
    zona.addEventListener(evento, function (e) { e.preventDefault(); zona.classList.add("encima"); });
  });
  ["dragleave", "drop"].forEach(function (evento) {
    zona.addEventListener(evento, function () { zona.classList.remove("encima"); });
  });
  zona.addEventListener("drop", function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) {
      entrada.files = e.dataTransfer.files;
      revisar(false);
    }
  });
  entrada.addEventListener("change", function () { revisar(false); });
  formulario.noValidate = true;  // los avisos los da revisar(), en castellano y junto a la zona
  formulario.addEventListener("submit", function (e) {
    if (!revisar(true)) {
      e.preventDefault();
      return;
    }
    const boton = formulario.querySelector("button");
    boton.disabled = true;
    boton.textContent = "Subiendo y revisando…";
  });
}

function filtrosAutomaticos() {
  const filtros = document.getElementById("filtros");
  if (!filtros) return;
  filtros.querySelectorAll("select").forEach(function (lista) {
    lista.addEventListener("change", function () { filtros.submit(); });
  });
}

function marcarTodos() {
  document.querySelectorAll("[data-marcar]").forEach(function (boton) {
    boton.addEventListener("click", function () {
      const valor = boton.dataset.valor === "1";
      document.querySelectorAll("input[name='" + boton.dataset.marcar + "']").forEach(function (casilla) {
        casilla.checked = valor;
      });
    });
  });
  document.querySelectorAll("[data-grupo]").forEach(function (boton) {
    boton.addEventListener("click", function () {
      const grupo = document.getElementById(boton.dataset.grupo);
      document.querySelectorAll("input[name='formato']").forEach(function (casilla) {
        casilla.checked = grupo.contains(casilla);
      });
    });
  });
  const carpetas = document.getElementById("carpetas");
  const pdf = document.getElementById("pdf");
  [carpetas, document.getElementById("kit")].forEach(function (casilla) {  // incluyen los PDF
    if (casilla && pdf) {
      casilla.addEventListener("change", function () { if (casilla.checked) pdf.checked = true; });
    }
  });
  const formulario = document.getElementById("form-generar");
  if (formulario) {
    formulario.addEventListener("submit", function () {
      const boton = document.getElementById("boton-generar");
      boton.disabled = true;
      boton.textContent = "Empezando…";
    });
  }
}

function seguirAvance() {
  const avance = document.getElementById("avance");
  if (!avance) return;
  const barra = document.getElementById("barra");
  const texto = document.getElementById("texto-avance");

  function preguntar() {
    fetch(avance.dataset.estado, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (e) {
        texto.textContent = e.texto;
        if (e.total && e.estado === "generando") {
          barra.max = e.total;
          barra.value = e.hechos;
        } else if (e.estado !== "en espera") {
          barra.removeAttribute("value");  // PDF y .zip: sin cifra que mostrar, la barra se mueve sola
        }
        if (e.terminada) {
          window.location.reload();
        } else {
          window.setTimeout(preguntar, 600);
        }
      })
      .catch(function () {
        texto.textContent = "Se perdió la conexión con formatos web. ¿Se detuvo el programa?";
        window.setTimeout(preguntar, 3000);
      });
  }
  preguntar();
}

document.addEventListener("DOMContentLoaded", function () {
  elegirArchivo();
  filtrosAutomaticos();
  marcarTodos();
  seguirAvance();
});
