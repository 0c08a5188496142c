; FieldKit Windows installer (NSIS 3, Unicode).
;
;   makensis -DBUNDLE=dist\fieldkit -DVERSION=0.1.0 installer\fieldkit.nsi
;   (or: python installer\build.py --nsis)
;
; Installs the PyInstaller one-folder bundle (installer/layout.py) per machine into
; Program Files, with a Start-menu entry, an uninstaller and an "Apps & features" entry.
; The user's data (encrypted database, keyring, attachments, settings) lives in each
; user's %LOCALAPPDATA%\FieldKit and is never written, moved or deleted here: an upgrade
; replaces the program files only, and uninstalling leaves the data in place.
; tests/installer/test_windows_installer.py checks these rules and compiles this script.

Unicode true
SetCompressor /SOLID lzma

!ifndef BUNDLE
  !error "pass the built bundle folder: makensis -DBUNDLE=dist\fieldkit installer\fieldkit.nsi"
!endif
!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "FieldKit-${VERSION}-setup.exe"
!endif
!define APP "FieldKit"
!define PUBLISHER "FieldKit"
!define EXE "fieldkit.exe"
!define GUI_EXE "fieldkitw.exe"
!define CONTENTS "_internal"
!define REGKEY "Software\FieldKit"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\FieldKit"

!include "MUI2.nsh"
!include "x64.nsh"
!include "LogicLib.nsh"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel admin
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "${REGKEY}" "InstallDir"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} ${VERSION} setup"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"

LangString DataKept ${LANG_VIETNAMESE} "Dữ liệu của người dùng (cơ sở dữ liệu, ảnh, cài đặt) trong %LOCALAPPDATA%\FieldKit được giữ nguyên."
LangString DataKept ${LANG_ENGLISH} "The users' data (database, photos, settings) in %LOCALAPPDATA%\FieldKit is kept."
LangString StillRunning ${LANG_VIETNAMESE} "FieldKit đang chạy. Hãy đóng FieldKit rồi bấm Thử lại."
LangString StillRunning ${LANG_ENGLISH} "FieldKit is running. Close FieldKit, then press Retry."

Function .onInit
  SetShellVarContext all
  ${If} ${RunningX64}
    SetRegView 64
  ${EndIf}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetShellVarContext all
  ${If} ${RunningX64}
    SetRegView 64
  ${EndIf}
FunctionEnd

Section "FieldKit" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; Upgrade: the program files of the older release go first (a file left over from it
  ; could shadow a new one); nothing outside the installation folder is touched.
  retry:
  ClearErrors
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${GUI_EXE}"
  ${If} ${Errors}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(StillRunning)" IDRETRY retry
    Abort
  ${EndIf}
  RMDir /r "$INSTDIR\${CONTENTS}"

  File "${BUNDLE}\${EXE}"
  File "${BUNDLE}\${GUI_EXE}"
  File /r "${BUNDLE}\${CONTENTS}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0

  WriteRegStr HKLM "${REGKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${REGKEY}" "Version" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE}"
  WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
  DetailPrint "$(DataKept)"
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP}\${APP}.lnk"
  RMDir "$SMPROGRAMS\${APP}"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${GUI_EXE}"
  RMDir /r "$INSTDIR\${CONTENTS}"
  Delete "$INSTDIR\uninstall.exe"
  ; not /r: a file someone put into the installation folder stays, and so does the folder
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTKEY}"
  DeleteRegKey HKLM "${REGKEY}"
  DetailPrint "$(DataKept)"
SectionEnd
